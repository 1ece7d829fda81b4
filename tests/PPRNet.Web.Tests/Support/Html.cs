using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PPRNet.Web.Tests.Support;

public static class Html
{
    public static string Text(this IElement? element) => element?.TextContent.Trim().ReplaceLineEndings(" ") ?? "";

    public static IReadOnlyList<string> CardTitles(this IHtmlDocument page) =>
        page.QuerySelectorAll(".card-title a").Select(a => a.Text()).ToList();

    public static IReadOnlyList<string> Texts(this IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.Text()).ToList();

    public static string? Href(this IHtmlDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("href");
}
