using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PPRNet.Web.Tests.Localization;

/// <summary>What a French page or mail shows a reader, and the English interface words that must
/// not be in it. The summaries' own words stay English and are marked <c>lang="en"</c>, as is a
/// language's own name in a language switch: those are left out.</summary>
public static partial class FrenchText
{
    /// <summary>Text nodes and the attributes a reader meets (placeholder, aria-label, title, alt),
    /// outside elements marked <c>lang="en"</c>, scripts and styles.</summary>
    public static string VisibleOutsideEnglish(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        Walk(node, text);
        return text.ToString();
    }

    /// <summary>The page's title, meta description and body as a French reader meets them.</summary>
    public static string OfPage(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "";
        return $"{page.Title} {description} {VisibleOutsideEnglish(page.Body!)}";
    }

    /// <summary>The English interface words found in the text, as whole words, whatever their case.</summary>
    public static IReadOnlyList<string> EnglishWordsIn(string text) =>
        EnglishWords().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static void Walk(INode node, StringBuilder text)
    {
        if (node is IElement element)
        {
            if (element.LocalName is "script" or "style" or "template"
                || string.Equals(element.GetAttribute("lang"), "en", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var attribute in new[] { "placeholder", "aria-label", "title", "alt" })
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } value)
                {
                    text.Append(value).Append(' ');
                }
            }
        }
        else if (node is IText words)
        {
            text.Append(words.Data).Append(' ');
        }

        foreach (var child in node.ChildNodes)
        {
            Walk(child, text);
        }
    }

    [GeneratedRegex(@"\b(Subscribe|Topics|Email|Unsubscribe|Confirm|Save|Previous|Next|Search)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();
}
