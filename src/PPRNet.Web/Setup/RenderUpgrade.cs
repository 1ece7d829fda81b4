using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Import;

namespace PPRNet.Web.Setup;

/// <summary>After the Markdown pipeline changes (<see cref="MarkdownRenderer.RenderVersion"/>),
/// renders stored summaries and intros again from their own Markdown. No file is read and no
/// revision is made: the words did not change, only how they are turned into HTML.</summary>
public static partial class RenderUpgrade
{
    public static async Task RunAsync(BlogDbContext db, SummaryWriter writer, MarkdownRenderer renderer, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(renderer);
        var summaries = await db.Summaries.Where(s => s.RenderedWith < MarkdownRenderer.RenderVersion).ToListAsync(cancellationToken);
        summaries.ForEach(writer.Rerender);
        var intros = await db.MonthIssues.Where(m => m.RenderedWith < MarkdownRenderer.RenderVersion).ToListAsync(cancellationToken);
        foreach (var intro in intros)
        {
            intro.IntroHtml = renderer.ToHtml(intro.IntroMarkdown);
            intro.RenderedWith = MarkdownRenderer.RenderVersion;
        }

        if (summaries.Count + intros.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogRerendered(logger, summaries.Count, intros.Count, MarkdownRenderer.RenderVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered {Summaries} summaries and {Intros} intros again with render version {Version}")]
    private static partial void LogRerendered(ILogger logger, int summaries, int intros, int version);
}
