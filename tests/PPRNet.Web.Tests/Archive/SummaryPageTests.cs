using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

[Collection(PublicSiteCollection.Name)]
public sealed class SummaryPageTests(PublicSite fixture)
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task A_summary_page_shows_citation_doi_facts_summary_and_practice_implications()
    {
        var (response, page) = await Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mindfulness and Empathy in Therapists", page.Text("h1"));
        Assert.Equal("Mindfulness and Empathy in Therapists | PPRNet Research Blog", page.Title);
        Assert.Contains("Cooper, D., Yap, K.", page.Text(".citation"), StringComparison.Ordinal);
        Assert.Equal("https://doi.org/10.1007/s12671-020-01425-3", page.Href(".doi a"));
        Assert.Equal(["Design Meta-analysis", "Studies 22", "Participants 1,500", "Effect r = .27, 95% CI [.09, .44]"],
            page.QuerySelectorAll(".facts dl > div").Select(d => string.Join(" ", d.Children.Select(c => c.Text()))));
        Assert.Equal("Mindful therapists took other people's perspective more readily.", page.Text(".summary-body p"));
        var implications = page.Element("section.implications");
        Assert.Equal("Practice Implications", implications.Text("h2"));
        Assert.Contains("Ask clients how well they feel understood.", implications.Text(), StringComparison.Ordinal);
        Assert.StartsWith("Mindful therapists", page.QuerySelector("meta[name=description]")?.GetAttribute("content"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_email_is_a_mailto_link_for_reprint_requests()
    {
        var (_, page) = await Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        var link = page.Element(".reprint a");
        Assert.StartsWith("Author email:", page.Text(".reprint"), StringComparison.Ordinal);
        Assert.Equal("mailto:author@example.org?subject=Reprint%20request%3A%20Mindfulness%20and%20Empathy%20in%20Therapists",
            link.GetAttribute("href"));
    }

    [Fact]
    public async Task Topics_and_research_type_link_into_the_filtered_archive()
    {
        var (_, page) = await Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        var links = page.QuerySelectorAll(".summary-footer a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([
            ("Meta-analysis", "/blog?type=meta-analysis"),
            ("Empathy", "/blog?topic=empathy"),
            ("Training", "/blog?topic=training"),
        ], links);
    }

    [Fact]
    public async Task Previous_and_next_links_follow_the_archive_order()
    {
        var (_, newest) = await Site.GetPageAsync("/blog/2021/04/alliance-voices");
        var (_, middle) = await Site.GetPageAsync("/blog/2021/04/mindful-empathy");
        var (_, oldest) = await Site.GetPageAsync("/blog/2018/01/filler-01"); // same date: title order

        Assert.False(newest.Has(".prev-next a[rel=next]"));
        Assert.Equal("/blog/2021/04/mindful-empathy", newest.Href(".prev-next a[rel=prev]"));
        Assert.Equal("/blog/2021/04/alliance-voices", middle.Href(".prev-next a[rel=next]"));
        Assert.Equal("/blog/2019/03/filler-28", middle.Href(".prev-next a[rel=prev]"));
        Assert.False(oldest.Has(".prev-next a[rel=prev]"));
        Assert.Equal("/blog/2018/01/filler-00", oldest.Href(".prev-next a[rel=next]"));
    }

    [Fact]
    public async Task A_summary_without_doi_or_email_shows_neither()
    {
        var (_, page) = await Site.GetPageAsync("/blog/2021/04/alliance-voices");

        Assert.False(page.Has(".doi"));
        Assert.False(page.Has(".reprint"));
        // The design is always known; nothing else was given, so nothing else is claimed.
        Assert.Equal(["Design"], page.QuerySelectorAll(".facts dt").Select(d => d.Text()));
        Assert.False(page.Has(".caveat"));
    }

    [Theory]
    [InlineData("/blog/2021/04/secret-draft")]
    [InlineData("/blog/2021/04/scheduled-in-april")]
    [InlineData("/blog/2030/01/future-summary")]
    [InlineData("/blog/2021/04/no-such-summary")]
    [InlineData("/blog/2021/03/mindful-empathy")]
    [InlineData("/blog/2021/04/NOT%20a%20slug")]
    public async Task Drafts_scheduled_and_unknown_summaries_are_404_pages(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
    }
}
