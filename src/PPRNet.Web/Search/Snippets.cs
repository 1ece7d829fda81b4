using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PPRNet.Web.Search;

/// <summary>The passage of a result that shows why it matched, with the matching words marked.
/// Made from the stored plain text of the few results on the page, so the search's one MATCH is
/// not run again for snippets. A word matches as the index does: by prefix, ignoring case and
/// accents, and with a shared stem ("depressive" marks "depression").</summary>
public static partial class Snippets
{
    private const int Words = 28;
    private const int Lead = 6;

    public static string Html(string text, IReadOnlyList<string> queryWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(queryWords);
        var tokens = Token().Matches(text).ToList();
        if (tokens.Count == 0)
        {
            return "";
        }

        var wanted = queryWords.Select(Fold).ToList();
        bool Matches(Match token)
        {
            var folded = Fold(token.Value);
            return wanted.Any(w => folded.StartsWith(w, StringComparison.Ordinal) || SharesStem(folded, w));
        }

        var first = tokens.FindIndex(Matches);
        var start = Math.Max(0, first < 0 ? 0 : first - Lead);
        var end = Math.Min(tokens.Count, start + Words);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var from = tokens[start].Index;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            html.Append(WebUtility.HtmlEncode(text[from..token.Index]));
            var word = WebUtility.HtmlEncode(token.Value);
            html.Append(Matches(token) ? $"<mark>{word}</mark>" : word);
            from = token.Index + token.Length;
        }

        if (end < tokens.Count)
        {
            html.Append('…');
        }
        else
        {
            html.Append(WebUtility.HtmlEncode(text[from..]));
        }

        return html.ToString();
    }

    /// <summary>Porter stemming drops at most a few letters of a suffix, so two words of the same
    /// stem share all but their last three letters.</summary>
    private static bool SharesStem(string word, string query)
    {
        if (query.Length < 5)
        {
            return false;
        }

        var common = 0;
        while (common < word.Length && common < query.Length && word[common] == query[common])
        {
            common++;
        }

        return common >= query.Length - 3 && common >= word.Length - 4;
    }

    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            folded.Append(c);
        }

        return folded.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Token();
}
