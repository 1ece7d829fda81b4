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
        Assert.Contains($"Showing 1–20 of {PublicSite.PublishedCount} summaries", page.Text(".applied"), StringComparison.Ordinal);
        Assert.Equal("Page 1 of 2", page.Text(".pager span"));
        Assert.Equal("/blog?page=2", page.Href(".pager a[rel=next]"));
        Assert.False(page.Has(".applied-filters"));
    }

    [Fact]
    public async Task The_second_page_holds_the_rest_and_links_back()
    {
        var (_, page) = await Site.GetPageAsync("/blog?page=2");

        Assert.Equal(PublicSite.PublishedCount - 20, page.CardTitles().Count);
        Assert.Equal("Filler Study 01", page.CardTitles()[^1]); // same date, so in title order
        Assert.Equal("/blog", page.Href(".pager a[rel=prev]"));
        Assert.False(page.Has(".pager a[rel=next]"));
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
        Assert.Contains("Topic: Empathy", page.Text(".applied-filters"), StringComparison.Ordinal);
        Assert.Equal("/blog", page.Href(".applied-filters li:first-child a"));
        var ticked = Assert.Single(page.QuerySelectorAll("form.filter-form input[name=topic][checked]"));
        Assert.Equal("empathy", ticked.GetAttribute("value"));
        Assert.Equal("Empathy 11 summaries", Choice(page, "topic", "empathy"));
    }

    [Fact]
    public async Task Filtering_by_type_only_shows_that_type_and_counts_topics_within_it()
    {
        var (_, page) = await Site.GetPageAsync("/blog?type=qualitative");

        Assert.Equal(["What Clients Say About the Alliance"], page.CardTitles());
        Assert.Contains("Type of research: Qualitative study", page.Text(".applied-filters"), StringComparison.Ordinal);
        Assert.Equal("Alliance and Therapeutic Relationship 1 summary", Choice(page, "topic", "alliance"));
        Assert.Equal("Empathy 0 summaries", Choice(page, "topic", "empathy"));
        // A choice that would show nothing is listed but cannot be chosen, and nothing links to it.
        Assert.True(page.Element("input[name=topic][value=empathy]").HasAttribute("disabled"));
        Assert.False(page.Element("input[name=topic][value=alliance]").HasAttribute("disabled"));
        Assert.False(page.Has("a[href*='topic=empathy']"));
    }

    [Fact]
    public async Task Topic_and_type_combine_and_the_pager_keeps_both()
    {
        var (_, page) = await Site.GetPageAsync("/blog?topic=depression&type=meta-analysis");

        Assert.Equal(20, page.CardTitles().Count);
        Assert.Contains($"of {PublicSite.DepressionMetaAnalyses} summaries", page.Text(".applied"), StringComparison.Ordinal);
        Assert.Equal("/blog?topic=depression&type=meta-analysis&page=2", page.Href(".pager a[rel=next]"));
        Assert.Equal("/blog?type=meta-analysis", page.Href(".applied-filters a[href='/blog?type=meta-analysis']"));
        Assert.Equal("/blog?topic=depression", page.Href(".applied-filters a[href='/blog?topic=depression']"));
        Assert.Equal("meta-analysis", page.QuerySelector("input[name=type][checked]")?.GetAttribute("value"));
        Assert.Equal("depression", page.QuerySelector("input[name=topic][checked]")?.GetAttribute("value"));
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
        Assert.Contains("No summaries match these filters.", page.Text(".applied"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_form_is_a_labelled_get_form()
    {
        var (_, page) = await Site.GetPageAsync("/blog");

        var form = page.Element("form.filter-form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/blog", form.GetAttribute("action"));
        // One set of controls: every choice is a labelled radio button or tick box, none a link or a dropdown.
        Assert.Empty(page.QuerySelectorAll("select"));
        Assert.Empty(page.QuerySelectorAll(".filter-links"));
        Assert.All(form.QuerySelectorAll("input[type=radio], input[type=checkbox]"),
            input => Assert.Equal("LABEL", input.ParentElement!.TagName));
        Assert.Equal(4, form.QuerySelectorAll("input[name=topic]").Length);
        Assert.Equal("All types", form.Element("input[name=type][value='']").ParentElement!.Text());
        // The skip link comes before the controls and leads to the results.
        Assert.Equal("#results", page.Href(".skip-to-results"));
        Assert.NotNull(page.QuerySelector("#results .applied"));
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
        Assert.Equal("That address did not make sense", page.Text("h1"));
        Assert.NotEmpty(page.Text(".message p:not(.kicker)"));
    }

    [Fact]
    public async Task A_five_thousand_character_topic_gets_a_clear_400_page()
    {
        var (response, page) = await Site.GetPageAsync("/blog?topic=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("topic", page.Text(".message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/blog?topic=no-such-topic")]
    [InlineData("/blog?type=no-such-type")]
    [InlineData("/blog?page=3")]
    public async Task An_unknown_topic_type_or_page_is_a_404(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task Several_topics_show_summaries_in_any_of_them_combined_with_the_type()
    {
        var (response, page) = await Site.GetPageAsync("/blog?topic=empathy&topic=alliance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, empathy) = await Site.GetPageAsync("/blog?topic=empathy");
        var (_, alliance) = await Site.GetPageAsync("/blog?topic=alliance");
        var either = empathy.CardTitles().Union(alliance.CardTitles()).ToHashSet();
        Assert.True(page.CardTitles().Count >= Math.Max(empathy.CardTitles().Count, alliance.CardTitles().Count));
        Assert.All(page.CardTitles(), title => Assert.Contains(title, either));
        Assert.Equal(page.CardTitles().Count, page.CardTitles().Distinct().Count());
        Assert.Equal(["alliance", "empathy"],
            page.QuerySelectorAll("input[name=topic][checked]").Select(i => i.GetAttribute("value")).Order().ToArray());
        Assert.Contains($"of {page.CardTitles().Count} summaries", page.Text(".applied"), StringComparison.Ordinal);

        var (_, typed) = await Site.GetPageAsync("/blog?topic=empathy&topic=alliance&type=qualitative");
        Assert.Equal(["What Clients Say About the Alliance"], typed.CardTitles());
        // Removing one topic keeps the other and the type.
        Assert.Equal("/blog?topic=alliance&type=qualitative",
            typed.Href(".applied-filters a[href='/blog?topic=alliance&type=qualitative']"));
    }

    [Fact]
    public async Task A_single_topic_address_is_unchanged_and_an_unknown_topic_among_several_is_a_404()
    {
        var (single, _) = await Site.GetPageAsync("/blog?topic=empathy");
        var (unknown, _) = await Site.GetPageAsync("/blog?topic=empathy&topic=no-such-topic");

        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Choice(AngleSharp.Dom.IDocument page, string name, string value) =>
        string.Join(" ", page.Element($"input[name={name}][value={value}]").ParentElement!.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
