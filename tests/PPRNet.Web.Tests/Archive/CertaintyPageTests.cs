using System.Net;
using System.Text.Json;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>How far to trust a finding: the rating in plain words right under the bottom line, its
/// reasons, a guide, and the same rating for machines in the JSON-LD.</summary>
public sealed class CertaintyPageTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private void Write(string slug, string level, string? reasons, string note) =>
        content.WriteSummary("2021-04", slug, new Dictionary<string, string?>
        {
            ["bottom_line"] = "\"Clients of more empathic therapists improved more.\"",
            ["doi"] = "\"10.1037/a0022187\"",
            ["certainty"] = level,
            ["certainty_reasons"] = reasons,
            ["certainty_note"] = $"\"{note}\"",
        });

    [Fact]
    public async Task The_rating_sits_right_under_the_bottom_line_in_plain_words_with_its_reasons_and_the_guide()
    {
        Write("empathy", "low", "[inconsistency, imprecision]", "The studies were correlational and their results varied widely.");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/empathy");

        var sections = page.QuerySelectorAll("article.summary > section").Select(s => s.Text("h2")).ToList();
        Assert.Equal(["Bottom line", "How far to trust it", "Practice Implications"], sections.Take(3));
        Assert.Equal("Low certainty. Our confidence in this finding is limited: the true result may be substantially different.",
            page.Text(".certainty p"));
        Assert.Equal("The studies were correlational and their results varied widely.", page.Text(".certainty-note"));
        Assert.StartsWith("Rated down for inconsistency and imprecision.", page.Text(".certainty .caveat"), StringComparison.Ordinal);
        Assert.Equal("/certainty-of-evidence", page.Href(".certainty .caveat a"));
    }

    [Fact]
    public async Task A_summary_deliberately_not_rated_says_so_and_why_and_claims_nothing_to_machines()
    {
        Write("qualitative", "not-rated", null, "A qualitative study: GRADE's levels do not apply.");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/qualitative");

        Assert.StartsWith("Not rated. We have not rated", page.Text(".certainty p"), StringComparison.Ordinal);
        Assert.Equal("A qualitative study: GRADE's levels do not apply.", page.Text(".certainty-note"));
        Assert.DoesNotContain("Rated down", page.Text(".certainty .caveat"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(page.Element("script[type='application/ld+json']").TextContent);
        Assert.False(json.RootElement.GetProperty("about").TryGetProperty("review", out _));
    }

    [Fact]
    public async Task A_summary_without_a_rating_shows_no_certainty_section()
    {
        content.WriteSummary("2021-04", "unrated");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/unrated");

        Assert.False(page.Has(".certainty"));
    }

    [Fact]
    public async Task The_json_ld_carries_the_rating_as_a_review_of_the_paper_from_one_to_four()
    {
        Write("moderate", "moderate", "[risk-of-bias]", "Most trials were not blinded.");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/moderate");

        using var json = JsonDocument.Parse(page.Element("script[type='application/ld+json']").TextContent);
        var review = json.RootElement.GetProperty("about").GetProperty("review");
        Assert.Equal("Review", review.GetProperty("@type").GetString());
        var rating = review.GetProperty("reviewRating");
        Assert.Equal(3, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(4, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal("Moderate certainty", rating.GetProperty("name").GetString());
        Assert.Equal("Rated down for risk of bias.", rating.GetProperty("ratingExplanation").GetString());
        Assert.EndsWith("Most trials were not blinded.", review.GetProperty("reviewBody").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_explains_each_level_and_the_five_reasons()
    {
        await using var site = new BlogSite(content.Root);

        var (response, page) = await site.GetPageAsync("/certainty-of-evidence");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The four levels", page.QuerySelectorAll(".guide h2").First().TextContent.Trim());
        Assert.Equal(["High certainty", "Moderate certainty", "Low certainty", "Very low certainty"],
            page.QuerySelectorAll(".guide dl").First().QuerySelectorAll("dt").Select(d => d.TextContent.Trim()));
        Assert.Contains("is marked Not rated", string.Join(' ', page.QuerySelector(".guide dl + p")!.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        foreach (var reason in new[] { "Risk of bias", "Inconsistency", "Imprecision", "Indirectness", "Publication bias" })
        {
            Assert.Contains(reason, page.QuerySelectorAll(".guide dt").Select(d => d.TextContent.Trim()));
        }

        Assert.Equal("/certainty-of-evidence", page.Href("footer a[href='/certainty-of-evidence']"));
    }
}
