using System.Text.RegularExpressions;

namespace PPRNet.Web.Search;

/// <summary>Turns whatever a reader typed into a safe FTS5 query. Only runs of letters and digits
/// survive, each quoted (so AND, NEAR, quotes, stars, colons and minus signs are plain words or
/// nothing) and made a prefix, so "depress" finds "depression"; all words must match.</summary>
public static partial class SearchTerms
{
    public const int MaxWords = 12;

    public static IReadOnlyList<string> Words(string? query) =>
        query is null
            ? []
            : Word().Matches(query.Length > 2000 ? query[..2000] : query)
                .Select(m => m.Value.ToLowerInvariant())
                .Where(w => w.Length <= 60)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxWords)
                .ToList();

    /// <summary>The FTS5 MATCH expression, or null when the query has no word to search for. Whole
    /// words match by their stem ("depressive" finds "depression"); with <paramref name="prefixes"/>
    /// every word is also a prefix ("empath" finds "empathic"), which FTS5 answers by merging the
    /// posting lists of every term it starts, so it is kept for when whole words find nothing.</summary>
    public static string? ToMatch(IReadOnlyList<string> words, bool prefixes = true)
    {
        ArgumentNullException.ThrowIfNull(words);
        var star = prefixes ? "*" : "";
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"\"{w}\"{star}"));
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();
}
