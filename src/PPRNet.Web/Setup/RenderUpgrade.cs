using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Setup;

/// <summary>After the Markdown pipeline changes (<see cref="MarkdownRenderer.RenderVersion"/>),
/// renders stored summaries and intros again from their own Markdown. No file is read and no
/// revision is made: the words did not change, only how they are turned into HTML (and control
/// characters, which XML cannot carry, are removed).</summary>
public static partial class RenderUpgrade
{
    public static async Task RunAsync(BlogDbContext db, SummaryWriter writer, MarkdownRenderer renderer,
        ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(renderer);
        var summaries = await db.Summaries.Where(s => s.RenderedWith < MarkdownRenderer.RenderVersion).ToListAsync(cancellationToken);
        foreach (var summary in summaries)
        {
            try
            {
                writer.Rerender(summary);
            }
            catch (ContentRejectedException e)
            {
                // Stored before the limits existed: it keeps the HTML it has, and the site starts.
                summary.RenderedWith = MarkdownRenderer.RenderVersion;
                LogRefused(logger, $"{summary.Month}/{summary.Slug}", e.Field, e.Problem);
            }
        }

        var intros = await db.MonthIssues.Where(m => m.RenderedWith < MarkdownRenderer.RenderVersion).ToListAsync(cancellationToken);
        foreach (var intro in intros)
        {
            intro.IntroMarkdown = ContentLimits.RemoveControlCharacters(intro.IntroMarkdown);
            intro.RenderedWith = MarkdownRenderer.RenderVersion;
            try
            {
                intro.IntroHtml = renderer.ToHtml(intro.IntroMarkdown);
            }
            catch (ContentRejectedException e)
            {
                LogRefused(logger, intro.Month, "intro", e.Problem);
            }
        }

        if (summaries.Count + intros.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogRerendered(logger, summaries.Count, intros.Count, MarkdownRenderer.RenderVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not render {Item} again: {Field} {Problem}; it keeps its stored HTML")]
    private static partial void LogRefused(ILogger logger, string item, string field, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Rendered {Summaries} summaries and {Intros} intros again with render version {Version}")]
    private static partial void LogRerendered(ILogger logger, int summaries, int intros, int version);
}
