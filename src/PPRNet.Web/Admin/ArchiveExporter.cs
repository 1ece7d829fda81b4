using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Summaries;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPRNet.Web.Admin;

public sealed record ExportFile(string Path, string Text);

/// <summary>Writes summaries, month intros and the taxonomy back out in the exact content/ format,
/// so importing an export into an empty database reproduces the archive.</summary>
public sealed class ArchiveExporter(BlogDbContext db)
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public async Task<ExportFile?> SummaryAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await Summaries().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return summary is null
            ? null
            : new ExportFile(SummaryMarkdown.RelativePath(summary.Month, summary.Slug), SummaryMarkdown.Write(summary));
    }

    /// <summary>Every file of the archive, or of one month: taxonomy.yml, intros and summaries
    /// (drafts included, the trash left out).</summary>
    public async Task<IReadOnlyList<ExportFile>> FilesAsync(string? month, CancellationToken cancellationToken)
    {
        var files = new List<ExportFile> { new(TaxonomyFile.FileName, await TaxonomyAsync(cancellationToken)) };
        var intros = await db.MonthIssues.AsNoTracking()
            .Where(m => (month == null || m.Month == month) && m.IntroMarkdown != "")
            .OrderBy(m => m.Month).ToListAsync(cancellationToken);
        files.AddRange(intros.Select(i => new ExportFile($"issues/{i.Month}.md", i.IntroMarkdown.Trim() + "\n")));
        var summaries = await Summaries().Where(s => month == null || s.Month == month)
            .OrderBy(s => s.Month).ThenBy(s => s.Slug).ToListAsync(cancellationToken);
        files.AddRange(summaries.Select(s => new ExportFile(SummaryMarkdown.RelativePath(s.Month, s.Slug), SummaryMarkdown.Write(s))));
        return files;
    }

    public async Task<byte[]> ZipAsync(string? month, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in await FilesAsync(month, cancellationToken))
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(file.Text), cancellationToken);
            }
        }

        return buffer.ToArray();
    }

    public async Task<int> ExportToFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var files = await FilesAsync(null, cancellationToken);
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Text, new UTF8Encoding(false), cancellationToken);
        }

        return files.Count;
    }

    private IQueryable<Summary> Summaries() =>
        db.Summaries.AsNoTracking().NotTrashed().Include(s => s.Topics).Include(s => s.ResearchType);

    private async Task<string> TaxonomyAsync(CancellationToken cancellationToken)
    {
        var file = new TaxonomyFile
        {
            Topics = await db.Topics.AsNoTracking()
                .OrderBy(t => t.Name)
                .Select(t => (TaxonomyFile.Entry?)new TaxonomyFile.Entry { Name = t.Name, NameFr = t.NameFr, Slug = t.Slug })
                .ToListAsync(cancellationToken),
            ResearchTypes = await db.ResearchTypes.AsNoTracking()
                .OrderBy(t => t.Id)
                .Select(t => (TaxonomyFile.Entry?)new TaxonomyFile.Entry { Name = t.Name, NameFr = t.NameFr, Slug = t.Slug })
                .ToListAsync(cancellationToken),
        };
        return Yaml.Serialize(file);
    }
}
