using System.Text;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>The "This month..." intros of content/issues/YYYY-MM.md, imported inside the content
/// import's transaction: a changed file updates its month unless an editor changed the intro on the
/// web, which is kept and reported as a conflict.</summary>
public sealed partial class MonthIntroImporter(BlogDbContext db, MarkdownRenderer renderer, TimeProvider clock,
    ILogger<MonthIntroImporter> logger)
{
    public async Task ImportAsync(string root, ImportReport report, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, "issues");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var hashes = await ImportedSources.IntroHashesAsync(db, cancellationToken);
        var changed = new List<(string Display, string Month, string Markdown, string Hash)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!SummaryRules.TryParseMonth(Path.GetFileNameWithoutExtension(path), out var month))
            {
                report.Errors.Add(new ImportError(display, 0, "month", "an intro file is named after its month, e.g. issues/2021-04.md"));
                continue;
            }

            if (ContentLimits.FileProblem(path, display) is { } tooLarge)
            {
                report.Errors.Add(tooLarge);
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var markdown = ContentLimits.RemoveControlCharacters(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Trim());
            if (markdown.Length == 0)
            {
                report.Errors.Add(new ImportError(display, 1, "intro", "the file is empty"));
                continue;
            }

            if (ContentLimits.MarkdownProblem(markdown) is { } problem)
            {
                report.Errors.Add(new ImportError(display, Math.Max(0, problem.Line) + 1, "intro", problem.Problem));
                continue;
            }

            var hash = ContentHash.Of(bytes);
            if (hashes.TryGetValue(month, out var known) && known == hash)
            {
                report.Unchanged++;
                continue;
            }

            changed.Add((display, month, markdown, hash));
        }

        // Only the changed intros are loaded, and only when there are any.
        if (changed.Count == 0)
        {
            return;
        }

        var months = changed.Select(c => c.Month).ToList();
        var existing = await db.MonthIssues.Where(m => months.Contains(m.Month)).ToDictionaryAsync(m => m.Month, cancellationToken);
        foreach (var (display, month, markdown, hash) in changed)
        {
            var issue = existing.GetValueOrDefault(month);
            if (issue is { EditedOnWeb: true })
            {
                report.Conflicts.Add(display);
                LogConflict(logger, display);
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
            issue.RenderedWith = MarkdownRenderer.RenderVersion;
            issue.SourcePath = display;
            issue.ContentHash = hash;
            issue.UpdatedAt = clock.GetUtcNow();
            issue.UpdatedBy = ContentImporter.UserName;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Import conflict: {File} changed after an editor changed the intro on the web; the web version was kept")]
    private static partial void LogConflict(ILogger logger, string file);
}
