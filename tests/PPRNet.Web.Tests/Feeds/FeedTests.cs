using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Feeds;

[Collection(PublicSiteCollection.Name)]
public sealed class FeedTests(PublicSite fixture)
{
    private async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> LoadAsync(string url)
    {
        var response = await fixture.Site.Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return (response, SyndicationFeed.Load(reader));
    }

    [Theory]
    [InlineData("/feeds/all.rss", "application/rss+xml")]
    [InlineData("/feeds/all.atom", "application/atom+xml")]
    public async Task The_whole_blog_feed_has_the_newest_twenty_published_summaries(string url, string contentType)
    {
        var (response, feed) = await LoadAsync(url);

        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(20, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal("What Clients Say About the Alliance", first.Title.Text);
        Assert.Equal("http://localhost/blog/2021/04/alliance-voices",
            first.Links.Single(l => l.RelationshipType is null or "alternate").Uri.ToString());
        Assert.StartsWith("urn:pprnet:summary:", first.Id, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2021, 4, 10, 0, 0, 0, TimeSpan.Zero), first.PublishDate);
        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        Assert.DoesNotContain("Secret Draft Summary", titles);
        Assert.DoesNotContain("Scheduled April Summary", titles);
        Assert.DoesNotContain("Scheduled Future Summary", titles);
    }

    [Fact]
    public async Task Items_carry_the_summary_and_the_practice_implications()
    {
        var (_, feed) = await LoadAsync("/feeds/all.atom");

        var item = feed.Items.Single(i => i.Title.Text == "Mindfulness and Empathy in Therapists");
        var html = ((TextSyndicationContent)item.Content).Text;
        Assert.Contains("Mindful therapists took other people", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Practice Implications</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Ask clients how well they feel understood.", html, StringComparison.Ordinal);
        Assert.Equal(["Empathy", "Training"], item.Categories.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Item_ids_stay_the_same_between_requests()
    {
        var (_, first) = await LoadAsync("/feeds/all.rss");
        var (_, second) = await LoadAsync("/feeds/all.rss");

        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(20, first.Items.Select(i => i.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("/feeds/topics/empathy.rss", 11)]
    [InlineData("/feeds/topics/empathy.atom", 11)]
    [InlineData("/feeds/types/qualitative.rss", 1)]
    [InlineData("/feeds/types/randomized-controlled-trial.atom", 6)]
    public async Task Topic_and_type_feeds_hold_only_their_summaries(string url, int count)
    {
        var (_, feed) = await LoadAsync(url);

        Assert.Equal(Math.Min(count, 20), feed.Items.Count());
        Assert.DoesNotContain(feed.Items, i => i.Title.Text.StartsWith("Scheduled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/feeds/topics/no-such-topic.rss")]
    [InlineData("/feeds/types/no-such-type.atom")]
    [InlineData("/feeds/all.json")]
    public async Task Unknown_feeds_are_404(string url)
    {
        var response = await fixture.Site.Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_advertise_the_feeds_that_match_them()
    {
        var (_, home) = await fixture.Site.GetPageAsync("/");
        var (_, topic) = await fixture.Site.GetPageAsync("/blog?topic=empathy&type=qualitative");

        Assert.Equal(["/feeds/all.rss", "/feeds/all.atom"],
            home.QuerySelectorAll("link[rel=alternate][type]").Select(l => l.GetAttribute("href")));
        Assert.Equal(["/feeds/all.rss", "/feeds/all.atom", "/feeds/topics/empathy.rss", "/feeds/topics/empathy.atom",
            "/feeds/types/qualitative.rss", "/feeds/types/qualitative.atom"],
            topic.QuerySelectorAll("link[rel=alternate][type]").Select(l => l.GetAttribute("href")));
        Assert.Equal("application/atom+xml", topic.QuerySelector("link[href='/feeds/topics/empathy.atom']")?.GetAttribute("type"));
    }
}
