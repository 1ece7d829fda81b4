using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

[Collection(PublicSiteCollection.Name)]
public sealed class TopicPageTests(PublicSite fixture)
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task The_topic_index_lists_every_topic_with_its_published_count()
    {
        var (response, page) = await Site.GetPageAsync("/topics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([
            "Alliance and Therapeutic Relationship 1 summary",
            "Depression and Depressive Symptoms 30 summaries",
            "Empathy 11 summaries",
            "Training 1 summary",
        ], page.Texts(".topic-index li"));
        Assert.Equal("/blog?topic=empathy", page.Href(".topic-index a[href*=empathy]"));
    }

    [Fact]
    public async Task A_topic_address_redirects_to_the_filtered_archive()
    {
        var response = await Site.Browser().GetAsync(new Uri("/topics/empathy", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/blog?topic=empathy", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/topics/%3Cb%3E")]
    [InlineData("/no/such/page")]
    public async Task Unknown_topics_and_pages_are_real_404_pages(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found | PPRNet Research Blog", page.Title);
        Assert.NotNull(page.QuerySelector("main"));
    }
}
