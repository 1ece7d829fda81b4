using System.Net;
using AngleSharp.Html.Dom;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

[Collection(PublicSiteCollection.Name)]
public sealed class ArchivePageTests(PublicSite fixture)
{
    private BlogSite Site => fixture.Site;

    private static IReadOnlyList<string> Tags(IHtmlDocument page, int card) =>
        page.QuerySelectorAll(".card")[card].QuerySelectorAll(".tag").Select(t => t.Text()).ToList();

    [Fact]
    public async Task The_unfiltered_archive_groups_twenty_summaries_a_page_under_month_headings_newest_first()
    {
        var (response, page) = await Site.GetPageAsync("/blog");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, page.CardTitles().Count);
        Assert.Equal(["April 2021", "March 2019", "February 2019", "January 2019"], page.Texts(".month-heading").Take(4));
        Assert.Equal("/blog/2021/04", page.Href(".month-heading a"));
        Assert.Contains($"Showing 1–20 of {PublicSite.PublishedCount} summaries", page.QuerySelector(".applied").Text(), StringComparison.Ordinal);
        Assert.Equal("Page 1 of 2", page.QuerySelector(".pager span").Text());
        Assert.Equal("/blog?page=2", page.Href(".pager a[rel=next]"));
        Assert.Null(page.QuerySelector(".applied-filters"));
    }

    [Fact]
    public async Task The_second_page_holds_the_rest_and_links_back()
    {
        var (_, page) = await Site.GetPageAsync("/blog?page=2");

        Assert.Equal(PublicSite.PublishedCount - 20, page.CardTitles().Count);
        Assert.Equal("Filler Study 01", page.CardTitles()[^1]); // same date, so in title order
        Assert.Equal("/blog", page.Href(".pager a[rel=prev]"));
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task Drafts_and_scheduled_summaries_never_appear_in_the_archive()
    {
        var titles = (await Site.GetPageAsync("/blog")).Html.CardTitles()
            .Concat((await Site.GetPageAsync("/blog?page=2")).Html.CardTitles()).ToList();

        Assert.Equal(PublicSite.PublishedCount, titles.Count);
        Assert.DoesNotContain("Secret Draft Summary", titles);
        Assert.DoesNotContain("Scheduled April Summary", titles);
        Assert.DoesNotContain("Scheduled Future Summary", titles);
    }

    [Fact]
    public async Task Filtering_by_topic_only_shows_that_topic_and_says_how_to_clear_it()
    {
        var (_, page) = await Site.GetPageAsync("/blog?topic=empathy");

        Assert.Equal(11, page.CardTitles().Count); // the April summary and fillers 0, 3, ... 27
        Assert.All(Enumerable.Range(0, 11), i => Assert.Contains("Empathy", Tags(page, i)));
        Assert.Contains("Topic: Empathy", page.QuerySelector(".applied-filters").Text(), StringComparison.Ordinal);
        Assert.Equal("/blog", page.Href(".applied-filters li:first-child a"));
        Assert.Equal("Empathy (11)", page.QuerySelector("#filter-topic option[selected]").Text());
        Assert.StartsWith("Empathy", page.QuerySelectorAll(".filter-links")[1].QuerySelector("a[aria-current=true]").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_type_only_shows_that_type_and_counts_topics_within_it()
    {
        var (_, page) = await Site.GetPageAsync("/blog?type=qualitative");

        Assert.Equal(["What Clients Say About the Alliance"], page.CardTitles());
        Assert.Contains("Type of research: Qualitative study", page.QuerySelector(".applied-filters").Text(), StringComparison.Ordinal);
        Assert.Equal("Alliance and Therapeutic Relationship (1)", page.QuerySelector("#filter-topic option[value=alliance]").Text());
        Assert.Equal("Empathy (0)", page.QuerySelector("#filter-topic option[value=empathy]").Text());
        Assert.Equal("/blog?topic=alliance&type=qualitative", page.Href(".filter-links a[href*='topic=alliance']"));
    }

    [Fact]
    public async Task Topic_and_type_combine_and_the_pager_keeps_both()
    {
        var (_, page) = await Site.GetPageAsync("/blog?topic=depression&type=meta-analysis");

        Assert.Equal(20, page.CardTitles().Count);
        Assert.Contains($"of {PublicSite.DepressionMetaAnalyses} summaries", page.QuerySelector(".applied").Text(), StringComparison.Ordinal);
        Assert.Equal("/blog?topic=depression&type=meta-analysis&page=2", page.Href(".pager a[rel=next]"));
        Assert.Equal("/blog?type=meta-analysis", page.Href(".applied-filters a[href='/blog?type=meta-analysis']"));
        Assert.Equal("/blog?topic=depression", page.Href(".applied-filters a[href='/blog?topic=depression']"));
        Assert.Equal("meta-analysis", page.QuerySelector("#filter-type option[selected]")?.GetAttribute("value"));
        Assert.Equal("depression", page.QuerySelector("#filter-topic option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_second_page_of_a_combined_filter_holds_only_matching_summaries()
    {
        var (response, page) = await Site.GetPageAsync("/blog?topic=depression&type=meta-analysis&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicSite.DepressionMetaAnalyses - 20, page.CardTitles().Count);
        Assert.All(Enumerable.Range(0, 4), i =>
        {
            Assert.Equal("Meta-analysis", Tags(page, i)[0]);
            Assert.Contains("Depression and Depressive Symptoms", Tags(page, i));
        });
        Assert.Equal("/blog?topic=depression&type=meta-analysis", page.Href(".pager a[rel=prev]"));
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        var (response, page) = await Site.GetPageAsync("/blog?topic=training&type=qualitative");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.CardTitles());
        Assert.Contains("No summaries match these filters.", page.QuerySelector(".applied").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_form_is_a_labelled_get_form()
    {
        var (_, page) = await Site.GetPageAsync("/blog");

        var form = page.QuerySelector("form.filter-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/blog", form.GetAttribute("action"));
        foreach (var select in form.QuerySelectorAll("select"))
        {
            Assert.NotNull(page.QuerySelector($"label[for={select.Id}]"));
        }

        Assert.Equal(5, page.QuerySelectorAll("#filter-topic option").Length); // "All topics" and four topics
        Assert.Equal("All topics (clear)", page.QuerySelectorAll(".filter-links")[1].QuerySelector("li a").Text());
    }

    [Theory]
    [InlineData("/blog?page=-3")]
    [InlineData("/blog?page=abc")]
    [InlineData("/blog?page=0")]
    [InlineData("/blog?page=99999999999999999999")]
    [InlineData("/blog?type=%3Cscript%3E")]
    public async Task Nonsense_query_values_get_a_clear_400_page(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That address did not make sense", page.QuerySelector("h1").Text());
        Assert.NotEmpty(page.QuerySelector(".message p:not(.kicker)").Text());
    }

    [Fact]
    public async Task A_five_thousand_character_topic_gets_a_clear_400_page()
    {
        var (response, page) = await Site.GetPageAsync("/blog?topic=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("topic", page.QuerySelector(".message").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/blog?topic=no-such-topic")]
    [InlineData("/blog?type=no-such-type")]
    [InlineData("/blog?page=3")]
    public async Task An_unknown_topic_type_or_page_is_a_404(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
    }
}
