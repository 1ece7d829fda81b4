using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PPRNet.Web.Summaries;

/// <summary>What mail needs changed in a summary's Markdown, found on the parsed document and
/// written back into the source text: site paths made absolute and images turned into links, so
/// the HTML part (rendered from the changed document) and the text part (the changed source) agree.
/// Kept apart from <see cref="MarkdownRenderer"/>, which runs these steps for mail only.</summary>
public static class MailMarkdownEdits
{
    /// <summary>Makes the document's links to the site absolute and its images links, and returns
    /// the same changes as edits of the Markdown source.</summary>
    public static List<SourceEdit> PrepareLinks(MarkdownDocument document, string source, string siteBase)
    {
        var edits = new List<SourceEdit>();

        // A reference definition ([name]: /path) is where the source spells the address of every
        // link that names it; the links themselves were given the address when parsed.
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (IsSitePath(definition.Url) && SitePathStart(source, definition.UrlSpan) is { } at)
            {
                edits.Add(new SourceEdit(at, 0, siteBase));
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.Url ?? "";
            if (IsSitePath(url))
            {
                link.Url = siteBase + url;
                if (link.Reference is null && SitePathStart(source, link.UrlSpan) is { } at)
                {
                    edits.Add(new SourceEdit(at, 0, siteBase));
                }
            }

            if (link.IsImage)
            {
                ImageToLink(link, source, edits);
            }
        }

        return edits;
    }

    /// <summary>An image becomes a link to it with its alt text, or its address when it has none.
    /// Inside a link, where a second link cannot go, it becomes that text alone.</summary>
    private static void ImageToLink(LinkInline image, string source, List<SourceEdit> edits)
    {
        var url = image.Url ?? "";
        var alt = PlainText(image).Trim();
        var wholeImage = image.Span.IsEmpty || image.Span.End >= source.Length ? null : (SourceSpan?)image.Span;
        var insideLink = false;
        for (var parent = image.Parent; parent is not null; parent = parent.Parent)
        {
            insideLink |= parent is LinkInline { IsImage: false };
        }

        if (insideLink)
        {
            image.ReplaceBy(new LiteralInline(alt.Length > 0 ? alt : url), copyChildren: false);
            if (wholeImage is { } span)
            {
                edits.Add(new SourceEdit(span.Start, span.Length, alt.Length > 0 ? alt : url));
            }

            return;
        }

        image.IsImage = false;
        if (alt.Length == 0)
        {
            while (image.FirstChild is { } child)
            {
                child.Remove();
            }

            image.AppendChild(new LiteralInline(url));
            if (wholeImage is { } span)
            {
                edits.Add(new SourceEdit(span.Start, span.Length, url));
            }
        }
        else if (wholeImage is { } span && source[span.Start] == '!')
        {
            // ![alt](address) reads as [alt](address): a link, as in the HTML part.
            edits.Add(new SourceEdit(span.Start, 1, ""));
        }
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            _ = inline switch
            {
                LiteralInline literal => text.Append(literal.Content.ToString()),
                CodeInline code => text.Append(code.Content),
                _ => text,
            };
        }

        return text.ToString();
    }

    // A path on this site: "/x", not a protocol-relative "//host/x" or an absolute address.
    private static bool IsSitePath(string? url) => url is ['/', not '/', ..] or "/";

    /// <summary>Where the path starts in the source (after an opening "&lt;"), if the span is there.</summary>
    private static int? SitePathStart(string source, SourceSpan span)
    {
        if (span.IsEmpty || span.Start < 0 || span.End >= source.Length)
        {
            return null;
        }

        var at = source[span.Start] == '<' ? span.Start + 1 : span.Start;
        return at < source.Length && source[at] == '/' ? at : null;
    }

    /// <summary>Applies edits in source order; one that starts inside text an earlier edit replaced
    /// (the address of an image that became its alt text) is dropped.</summary>
    public static string Apply(string source, List<SourceEdit> edits)
    {
        var result = new StringBuilder(source.Length + (edits.Count * 32));
        var copied = 0;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenByDescending(e => e.Length).DistinctBy(e => e.Start))
        {
            if (edit.Start < copied)
            {
                continue;
            }

            result.Append(source, copied, edit.Start - copied).Append(edit.Insert);
            copied = edit.Start + edit.Length;
        }

        return result.Append(source, copied, source.Length - copied).ToString();
    }

    public readonly record struct SourceEdit(int Start, int Length, string Insert);
}
