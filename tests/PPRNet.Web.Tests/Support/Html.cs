using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PPRNet.Web.Tests.Support;

/// <summary>Reading a parsed page. A helper that names one element throws, naming the selector and
/// the page, when nothing matches: a test on the wrong page fails instead of reading "". A test that
/// means "not there" says so with <see cref="Has"/>.</summary>
public static class Html
{
    /// <summary>The element's text, trimmed, line breaks as spaces.</summary>
    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.TextContent.Trim().ReplaceLineEndings(" ");
    }

    /// <summary>The text of the first element that matches; throws when none does.</summary>
    public static string Text(this IParentNode node, string selector) => node.Element(selector).Text();

    /// <summary>The href of the first element that matches; throws when none does or it has no href.</summary>
    public static string Href(this IParentNode node, string selector) =>
        node.Element(selector).GetAttribute("href")
        ?? throw new InvalidOperationException($"The element matching \"{selector}\" {Where(node)} has no href");

    /// <summary>The first element that matches; throws when none does.</summary>
    public static IElement Element(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.QuerySelector(selector)
            ?? throw new InvalidOperationException($"No element matches \"{selector}\" {Where(node)}");
    }

    /// <summary>Whether anything matches: for a test that means "this is not on the page".</summary>
    public static bool Has(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.QuerySelector(selector) is not null;
    }

    public static IReadOnlyList<string> CardTitles(this IHtmlDocument page) =>
        page.QuerySelectorAll(".card-title a").Select(a => a.Text()).ToList();

    public static IReadOnlyList<string> Texts(this IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(e => e.Text()).ToList();

    /// <summary>The validation message shown for a form field ("" when the field is valid); throws
    /// when the page has no message slot for the field, as a page without the form has none.</summary>
    public static string ErrorFor(this IParentNode page, string field) => page.Text($"[data-valmsg-for='{field}']");

    private static string Where(IParentNode node) => node switch
    {
        IDocument document => $"on the page \"{document.Title}\" ({document.Url})",
        IElement element => $"inside <{element.LocalName}{(element.ClassName is { } c ? $" class=\"{c}\"" : "")}>",
        _ => "here",
    };
}
