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
        var wanted = queryWords.Select(Fold).ToList();
        bool Matches(Match token)
        {
            var folded = Fold(token.Value);
            return wanted.Any(w => folded.StartsWith(w, StringComparison.Ordinal) || SharesStem(folded, w));
        }

        // The words are read only as far as the passage needs: a result's text runs to thousands
        // of words, and a common word matches near its start.
        var passage = new List<Match>(Words);
        var opening = new List<Match>(Words);
        var lead = new Queue<Match>(Lead);
        var seen = 0;
        var found = false;
        var startsLater = false;
        var more = false;
        for (var token = Token().Match(text); token.Success; token = token.NextMatch(), seen++)
        {
            if (found)
            {
                if (passage.Count == Words)
                {
                    more = true;
                    break;
                }

                passage.Add(token);
                continue;
            }

            if (opening.Count < Words)
            {
                opening.Add(token);
            }

            if (Matches(token))
            {
                found = true;
                startsLater = seen - lead.Count > 0;
                passage.AddRange(lead);
                passage.Add(token);
                continue;
            }

            if (lead.Count == Lead)
            {
                lead.Dequeue();
            }

            lead.Enqueue(token);
        }

        if (!found)
        {
            // No word matched here (the index also matches prefixes of other forms): the opening.
            passage = opening;
            more = seen > opening.Count;
        }

        if (passage.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder();
        if (startsLater)
        {
            html.Append('…');
        }

        var from = passage[0].Index;
        foreach (var token in passage)
        {
            html.Append(WebUtility.HtmlEncode(text[from..token.Index]));
            var word = WebUtility.HtmlEncode(token.Value);
            html.Append(Matches(token) ? $"<mark>{word}</mark>" : word);
            from = token.Index + token.Length;
        }

        html.Append(more ? "…" : WebUtility.HtmlEncode(text[from..]));
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
        if (Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }

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
