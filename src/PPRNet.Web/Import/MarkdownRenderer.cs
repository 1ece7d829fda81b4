using Ganss.Xss;
using Markdig;

namespace PPRNet.Web.Import;

/// <summary>The one Markdown pipeline of the site. Summaries are rendered here once, when they are
/// imported or saved, and the sanitized HTML is stored; pages never parse Markdown.</summary>
public sealed class MarkdownRenderer
{
    // Raised whenever the rendering rules change; rows rendered with an older version are
    // rendered again from their stored Markdown at start-up.
    public const int RenderVersion = 2;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // Markdig already refuses raw HTML; the sanitizer is the second wall, in case a link or an
    // extension ever lets markup through.
    private readonly HtmlSanitizer sanitizer = new();

    public string ToHtml(string markdown) =>
        sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));

    /// <summary>Renders one line (a citation, say) without the paragraph around it.</summary>
    public string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown.ReplaceLineEndings(" ")).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;
    }

    public string ToPlainText(string markdown) =>
        System.Net.WebUtility.HtmlDecode(Markdown.ToPlainText(markdown, pipeline)).Trim();
}
