using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PPRNet.Web.Summaries;

/// <summary>The one Markdown pipeline of the site. Summaries are rendered here once, when they are
/// imported or saved, and the sanitized HTML is stored; pages never parse Markdown. Mail is rendered
/// from the same Markdown by <see cref="RenderForMail"/>, with the changes mail needs made on the
/// parsed document rather than on the HTML.</summary>
public sealed class MarkdownRenderer
{
    // Raised whenever the rendering rules change; rows rendered with an older version are
    // rendered again from their stored Markdown at start-up. Version 3 removes control
    // characters that rows saved before the save path removed them still hold. Version 4 writes
    // table alignment as classes: the inline styles Markdig writes are refused by the site's CSP.
    public const int RenderVersion = 4;

    /// <summary>The classes a table cell may carry, one per column alignment; site.css defines them.</summary>
    public static readonly IReadOnlyDictionary<TableColumnAlign, string> AlignmentClasses = new Dictionary<TableColumnAlign, string>
    {
        [TableColumnAlign.Left] = "align-left",
        [TableColumnAlign.Center] = "align-center",
        [TableColumnAlign.Right] = "align-right",
    };

    // Built on first use, like the sanitizer below: the renderer is a dependency of the mail
    // outbox and of start-up's render check, which on most runs render nothing, and a serving
    // site that never renders then never loads Markdig. Plain fields rather than Lazy<T>, whose
    // type argument alone loads the library; two threads racing build two equal objects.
    private MarkdownPipeline? pipeline;

    // Markdig already refuses raw HTML; the sanitizer is the second wall, in case a link or an
    // extension ever lets markup through. Built on first use: building it costs more than a whole
    // re-import of an unchanged archive, which renders nothing.
    private HtmlSanitizer? sanitizer;

    private MarkdownPipeline Pipeline => pipeline ??= new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private HtmlSanitizer Sanitizer => sanitizer ??= NewSanitizer();

    /// <summary>What Markdig writes for these, and nothing else, is its own fixed tags (the only
    /// attribute an ordered list's number) around text it has escaped: no address, class or markup
    /// of the author's. Anything else in a document, a link, an image, a table, a code block's
    /// language or a node an extension adds later, sends the HTML through the sanitizer.</summary>
    private static readonly HashSet<Type> OwnMarkupOnly =
    [
        typeof(MarkdownDocument), typeof(ParagraphBlock), typeof(HeadingBlock), typeof(QuoteBlock), typeof(ListBlock),
        typeof(ListItemBlock), typeof(ThematicBreakBlock), typeof(CodeBlock),
        typeof(ContainerInline), typeof(LiteralInline), typeof(EmphasisInline), typeof(CodeInline), typeof(LineBreakInline),
        typeof(HtmlEntityInline),
    ];

    /// <summary>The site's sanitizer, as every rendered field that needs one gets it.</summary>
    public static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // The site's CSP allows no inline style, so none is stored: whatever writes one is caught
        // here rather than by a reader's browser. Classes are allowed only for table alignment.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedClasses.UnionWith(AlignmentClasses.Values);
        return sanitizer;
    }

    public string ToHtml(string markdown) => Render(markdown).Html;

    /// <summary>Sanitized HTML and plain text of the Markdown, from one parse. Throws
    /// <see cref="ContentRejectedException"/> (field left blank for the caller to name) for Markdown
    /// over the limits, checked before Markdig spends time on it.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        var (html, text) = RenderDocument(markdown, document => AlignTables(markdown, document, static (cell, alignment) =>
            cell.GetAttributes().AddClass(AlignmentClasses[alignment])));
        return new RenderedMarkdown(html, text);
    }

    /// <summary>Renders one line (a citation, say) without the paragraph around it.</summary>
    public RenderedMarkdown RenderInline(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var rendered = Render(markdown.ReplaceLineEndings(" "));
        return rendered with { Html = WithoutParagraph(rendered.Html) };
    }

    public string ToInlineHtml(string markdown) => RenderInline(markdown).Html;

    public string ToPlainText(string markdown) => Render(markdown).Text;

    /// <summary>The Markdown as mail carries it. Mail clients know neither the site's address nor
    /// its stylesheet, and a remote image there is a tracking pixel: links to the site's own pages
    /// ("/reading-effect-sizes") get <paramref name="siteBaseUrl"/> in front, every image becomes a
    /// link to it (its alt text, or its address when it has none), and table alignment is the
    /// <c>align</c> attribute mail clients honour. The HTML is sanitized as the site's is; the
    /// Markdown is the source with the same changes, for the plain-text part.</summary>
    public MailMarkdown RenderForMail(string markdown, string siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(siteBaseUrl);
        var siteBase = siteBaseUrl.TrimEnd('/');
        List<MailMarkdownEdits.SourceEdit> edits = [];
        var (html, text) = RenderDocument(markdown, document =>
        {
            AlignTables(markdown, document, static (cell, alignment) => cell.GetAttributes().AddPropertyIfNotExist("align", alignment switch
            {
                TableColumnAlign.Center => "center",
                TableColumnAlign.Right => "right",
                _ => "left",
            }));
            edits = MailMarkdownEdits.PrepareLinks(document, markdown, siteBase);
        });
        return new MailMarkdown(html, text, MailMarkdownEdits.Apply(markdown, edits).Trim());
    }

    /// <summary><see cref="RenderForMail"/> for one line, without the paragraph around it.</summary>
    public MailMarkdown RenderInlineForMail(string markdown, string siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var rendered = RenderForMail(markdown.ReplaceLineEndings(" "), siteBaseUrl);
        return rendered with { Html = WithoutParagraph(rendered.Html) };
    }

    private (string Html, string Text) RenderDocument(string markdown, Action<MarkdownDocument> prepare)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (ContentLimits.MarkdownProblem(markdown) is { } problem)
        {
            throw new ContentRejectedException("", problem.Problem);
        }

        // An empty field (a summary without a bottom line, say) renders to nothing; the sanitizer
        // would still build a whole document to say so.
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return ("", "");
        }

        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            prepare(document);
            var html = new StringWriter();
            var htmlRenderer = new HtmlRenderer(html);
            Pipeline.Setup(htmlRenderer);
            htmlRenderer.Render(document);
            html.Flush();

            // What Markdig's ToPlainText does, on the document already parsed.
            var text = new StringWriter();
            var textRenderer = new HtmlRenderer(text) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            Pipeline.Setup(textRenderer);
            textRenderer.Render(document);
            text.Flush();
            // Parsing the HTML again for the sanitizer took most of a cold import's rendering, and
            // for Markdig's own markup it finds nothing to remove (MarkdownRendererTests).
            var sanitized = document.Descendants().All(node => OwnMarkupOnly.Contains(node.GetType()))
                ? html.ToString()
                : Sanitizer.Sanitize(html.ToString());
            return (sanitized, System.Net.WebUtility.HtmlDecode(text.ToString()).Trim());
        }
        catch (ArgumentException e)
        {
            // Markdig's "too deeply nested" for shapes the line check above does not foresee.
            throw new ContentRejectedException(
                "", "is nested too deeply for the Markdown renderer; flatten its quotes, lists or brackets", e);
        }
    }

    private static string WithoutParagraph(string html)
    {
        html = html.Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>Gives each aligned cell its column's alignment in the given form, then clears the
    /// alignment (and any column width) so Markdig writes no <c>style</c> attribute.</summary>
    private static void AlignTables(string markdown, MarkdownDocument document, Action<TableCell, TableColumnAlign> align)
    {
        // Walking every block looking for tables cost an import a twentieth of its rendering; a
        // pipe table cannot be written without a pipe.
        if (!markdown.Contains('|', StringComparison.Ordinal))
        {
            return;
        }

        foreach (var table in document.Descendants<Table>())
        {
            var columns = table.ColumnDefinitions;
            if (columns.Count == 0)
            {
                continue;
            }

            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    // The column Markdig's own table renderer would take the alignment from.
                    var column = cell.ColumnIndex < 0 || cell.ColumnIndex >= columns.Count ? i : cell.ColumnIndex;
                    if (columns[Math.Min(column, columns.Count - 1)].Alignment is { } alignment)
                    {
                        align(cell, alignment);
                    }
                }
            }

            foreach (var column in columns)
            {
                column.Alignment = null;
                column.Width = 0;
            }
        }
    }
}

public sealed record RenderedMarkdown(string Html, string Text);

/// <summary>Markdown ready for mail: sanitized HTML, plain text, and the Markdown source with the
/// same changes (absolute links, images as links) for the plain-text part.</summary>
public sealed record MailMarkdown(string Html, string Text, string Markdown);
