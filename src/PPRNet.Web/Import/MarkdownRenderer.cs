using Ganss.Xss;
using Markdig;
using Markdig.Renderers;

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

    public string ToHtml(string markdown) => Render(markdown).Html;

    /// <summary>Sanitized HTML and plain text of the Markdown, from one parse. Throws
    /// <see cref="ContentRejectedException"/> (field left blank for the caller to name) for Markdown
    /// over the limits, checked before Markdig spends time on it.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (ContentLimits.MarkdownProblem(markdown) is { } problem)
        {
            throw new ContentRejectedException("", problem.Problem);
        }

        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            var html = new StringWriter();
            var htmlRenderer = new HtmlRenderer(html);
            pipeline.Setup(htmlRenderer);
            htmlRenderer.Render(document);
            html.Flush();

            // What Markdig's ToPlainText does, on the document already parsed.
            var text = new StringWriter();
            var textRenderer = new HtmlRenderer(text) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            pipeline.Setup(textRenderer);
            textRenderer.Render(document);
            text.Flush();
            return new RenderedMarkdown(sanitizer.Sanitize(html.ToString()), System.Net.WebUtility.HtmlDecode(text.ToString()).Trim());
        }
        catch (ArgumentException e)
        {
            // Markdig's "too deeply nested" for shapes the line check above does not foresee.
            throw new ContentRejectedException("", "is nested too deeply for the Markdown renderer; flatten its quotes, lists or brackets", e);
        }
    }

    /// <summary>Renders one line (a citation, say) without the paragraph around it.</summary>
    public RenderedMarkdown RenderInline(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var rendered = Render(markdown.ReplaceLineEndings(" "));
        var html = rendered.Html.Trim();
        return rendered with
        {
            Html = html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html,
        };
    }

    public string ToInlineHtml(string markdown) => RenderInline(markdown).Html;

    public string ToPlainText(string markdown) => Render(markdown).Text;
}

public sealed record RenderedMarkdown(string Html, string Text);
