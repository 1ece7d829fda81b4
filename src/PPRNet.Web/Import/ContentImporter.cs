using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>Imports content/ (taxonomy.yml, summaries/**/*.md, issues/YYYY-MM.md) into the database.
/// Every file is checked first; the valid ones are then written in one transaction, so a run
/// either lands whole or not at all, and a bad file never stops the good ones.</summary>
public sealed partial class ContentImporter(
    BlogDbContext db,
    SummaryWriter writer,
    MarkdownRenderer renderer,
    TimeProvider clock,
    ILogger<ContentImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        var report = new ImportReport(root);
        if (!Directory.Exists(root))
        {
            report.Errors.Add(new ImportError(root, 0, "folder", "content folder not found"));
            Log(report);
            return report;
        }

        var taxonomy = TaxonomyFile.Load(Path.Combine(root, TaxonomyFile.FileName), TaxonomyFile.FileName, report.Errors);
        if (taxonomy is null)
        {
            Log(report);
            return report;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lookup = await UpsertTaxonomyAsync(taxonomy, cancellationToken);
        await ImportSummariesAsync(root, lookup, report, cancellationToken);
        await ImportIntrosAsync(root, report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log(report);
        return report;
    }

    private async Task<TaxonomyLookup> UpsertTaxonomyAsync(TaxonomyFile file, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var entry in file.Topics)
        {
            if (topics.TryGetValue(entry.Slug!, out var topic))
            {
                topic.Name = entry.Name!.Trim();
            }
            else
            {
                topics[entry.Slug!] = db.Topics.Add(new Topic { Slug = entry.Slug!, Name = entry.Name!.Trim() }).Entity;
            }
        }

        var types = await db.ResearchTypes.ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var entry in file.ResearchTypes)
        {
            if (types.TryGetValue(entry.Slug!, out var type))
            {
                type.Name = entry.Name!.Trim();
            }
            else
            {
                types[entry.Slug!] = db.ResearchTypes.Add(new ResearchType { Slug = entry.Slug!, Name = entry.Name!.Trim() }).Entity;
            }
        }

        return new TaxonomyLookup(topics.Values, types.Values);
    }

    private async Task ImportSummariesAsync(string root, TaxonomyLookup lookup, ImportReport report, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, "summaries");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var existing = await db.Summaries
            .Select(s => new { s.Id, s.Month, s.Slug, s.ContentHash })
            .ToDictionaryAsync(s => (s.Month, s.Slug), cancellationToken);
        var claimed = new Dictionary<(string, string), string>();

        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(root, path).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var content = SummaryFileParser.Parse(display, Encoding.UTF8.GetString(bytes), lookup, report.Errors);
            if (content is null)
            {
                continue;
            }

            var key = (content.Month, content.Slug);
            if (claimed.TryGetValue(key, out var first))
            {
                report.Errors.Add(new ImportError(display, 1, "slug",
                    $"\"{content.Slug}\" is already used in {content.Month} by {first}; slugs must be unique within a month"));
                continue;
            }

            claimed[key] = display;
            var hash = Hash(bytes);
            if (!existing.TryGetValue(key, out var row))
            {
                var summary = writer.Create(content);
                summary.SourcePath = display;
                summary.ContentHash = hash;
                db.Summaries.Add(summary);
                report.Added++;
            }
            else if (row.ContentHash == hash)
            {
                report.Unchanged++;
            }
            else
            {
                var summary = await db.Summaries.Include(s => s.Topics).SingleAsync(s => s.Id == row.Id, cancellationToken);
                writer.Apply(summary, content);
                summary.SourcePath = display;
                summary.ContentHash = hash;
                report.Updated++;
            }
        }
    }

    private async Task ImportIntrosAsync(string root, ImportReport report, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, "issues");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var existing = await db.MonthIssues.ToDictionaryAsync(m => m.Month, cancellationToken);
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!SummaryRules.TryParseMonth(Path.GetFileNameWithoutExtension(path), out var month))
            {
                report.Errors.Add(new ImportError(display, 0, "month", "an intro file is named after its month, e.g. issues/2021-04.md"));
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var markdown = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Trim();
            if (markdown.Length == 0)
            {
                report.Errors.Add(new ImportError(display, 1, "intro", "the file is empty"));
                continue;
            }

            var hash = Hash(bytes);
            if (existing.TryGetValue(month, out var issue) && issue.ContentHash == hash)
            {
                report.Unchanged++;
                continue;
            }

            if (issue is null)
            {
                issue = db.MonthIssues.Add(new MonthIssue { Month = month, IntroMarkdown = "", IntroHtml = "" }).Entity;
                report.Added++;
            }
            else
            {
                report.Updated++;
            }

            issue.IntroMarkdown = markdown;
            issue.IntroHtml = renderer.ToHtml(markdown);
            issue.SourcePath = display;
            issue.ContentHash = hash;
            issue.UpdatedAt = clock.GetUtcNow();
        }
    }

    private static string Hash(byte[] bytes)
    {
        // The render version is part of the hash so that a change to the Markdown pipeline
        // re-renders files whose text did not change.
        var versioned = Encoding.UTF8.GetBytes($"render-v{MarkdownRenderer.RenderVersion}\n").Concat(bytes).ToArray();
        return Convert.ToHexString(SHA256.HashData(versioned));
    }

    private void Log(ImportReport report)
    {
        foreach (var error in report.Errors)
        {
            LogFileError(error.File, error.Line, error.Field, error.Message);
        }

        LogResult(report.Folder, report.Added, report.Updated, report.Unchanged, report.Conflicts.Count, report.Errors.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import error in {File}:{Line}: {Field}: {Problem}")]
    private partial void LogFileError(string file, int line, string field, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts} conflicts, {Errors} errors")]
    private partial void LogResult(string folder, int added, int updated, int unchanged, int conflicts, int errors);
}
