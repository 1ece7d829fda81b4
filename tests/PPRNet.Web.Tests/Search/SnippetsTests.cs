using PPRNet.Web.Search;

namespace PPRNet.Web.Tests.Search;

/// <summary>A result's snippet: the passage around the first matching word, with every matching
/// word marked, cut to 28 words and marked "…" where it cuts.</summary>
public sealed class SnippetsTests
{
    private static string Numbered(int from, int to) => string.Join(' ', Enumerable.Range(from, to - from + 1).Select(i => $"w{i}"));

    [Fact]
    public void A_match_deep_in_the_text_starts_six_words_before_it_and_is_cut_at_both_ends()
    {
        var text = $"{Numbered(1, 100)} empathy {Numbered(101, 200)}.";

        var html = Snippets.Html(text, ["empathy"]);

        Assert.Equal($"…{Numbered(95, 100)} <mark>empathy</mark> {Numbered(101, 121)}…", html);
    }

    [Fact]
    public void A_match_near_the_start_of_a_short_text_shows_all_of_it()
    {
        var html = Snippets.Html("Therapists & their <empathy>: a study.", ["empathy"]);

        Assert.Equal("Therapists &amp; their &lt;<mark>empathy</mark>&gt;: a study.", html);
    }

    [Fact]
    public void Every_matching_word_in_the_passage_is_marked_by_stem_and_without_accents()
    {
        var html = Snippets.Html("Depressive symptoms and dépression both fell; relapse did not.", ["depression"]);

        Assert.Equal("<mark>Depressive</mark> symptoms and <mark>d&#233;pression</mark> both fell; relapse did not.", html);
    }

    [Fact]
    public void Without_a_matching_word_the_snippet_is_the_opening()
    {
        var html = Snippets.Html($"{Numbered(1, 40)}.", ["empathy"]);

        Assert.Equal($"{Numbered(1, 28)}…", html);
    }
}
