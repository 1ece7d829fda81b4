using Ganss.Xss;
using Markdig;

namespace PPRNet.Web.Import;

/// <summary>The one Markdown pipeline of the site. Summaries are rendered here once, when they are
/// imported or saved, and the sanitized HTML is stored; pages never parse Markdown.</summary>
public sealed class MarkdownRenderer
{
    // Raised whenever the rendering rules change; rows rendered with an older version are
    // rendered again from their stored Markdown at start-up. Version 3 removes control
    // characters that rows saved before the save path removed them still hold.
    public const int RenderVersion = 3;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // Markdig already refuses raw HTML; the sanitizer is the second wall, in case a link or an
    // extension ever lets markup through.
    private readonly HtmlSanitizer sanitizer = new();

    /// <summary>Throws <see cref="ContentRejectedException"/> (field left blank for the caller to
    /// name) for Markdown over the limits, checked before Markdig spends time on it.</summary>
    public string ToHtml(string markdown) =>
        sanitizer.Sanitize(Guarded(markdown, text => Markdown.ToHtml(text, pipeline)));

    /// <summary>Renders one line (a citation, say) without the paragraph around it.</summary>
    public string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown.ReplaceLineEndings(" ")).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;
    }

    public string ToPlainText(string markdown) =>
        System.Net.WebUtility.HtmlDecode(Guarded(markdown, text => Markdown.ToPlainText(text, pipeline))).Trim();

    private static string Guarded(string markdown, Func<string, string> render)
    {
        if (ContentLimits.MarkdownProblem(markdown) is { } problem)
        {
            throw new ContentRejectedException("", problem.Problem);
        }

        try
        {
            return render(markdown);
        }
        catch (ArgumentException e)
        {
            // Markdig's "too deeply nested" for shapes the line check above does not foresee.
            throw new ContentRejectedException("", "is nested too deeply for the Markdown renderer; flatten its quotes, lists or brackets", e);
        }
    }
}
