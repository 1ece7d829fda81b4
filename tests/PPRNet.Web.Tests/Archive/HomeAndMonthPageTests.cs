using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

[Collection(PublicSiteCollection.Name)]
public sealed class HomeAndMonthPageTests(PublicSite fixture)
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task Home_shows_the_latest_published_month_with_its_intro_and_summaries()
    {
        var (response, page) = await Site.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("April 2021", page.Text("h1"));
        Assert.Equal("This month we read about empathy and the alliance.", page.Text(".intro"));
        Assert.Equal(["What Clients Say About the Alliance", "Mindfulness and Empathy in Therapists"], page.CardTitles());
        var card = page.QuerySelectorAll(".card")[1];
        Assert.Contains("Cooper, D., Yap, K.", card.Text(".citation"), StringComparison.Ordinal);
        Assert.Contains("Mindful therapists took other people's perspective", card.Text(".excerpt"), StringComparison.Ordinal);
        Assert.Contains("Ask clients how well they feel understood.", card.Text(".implications"), StringComparison.Ordinal);
        Assert.Equal("/blog/2021/04/mindful-empathy", card.QuerySelector(".card-title a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Home_never_shows_drafts_or_scheduled_summaries()
    {
        var (_, page) = await Site.GetPageAsync("/");

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Secret Draft Summary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Scheduled", html, StringComparison.Ordinal);
        Assert.DoesNotContain("January 2030", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_page_shows_that_months_intro_summaries_and_neighbouring_months()
    {
        var (response, page) = await Site.GetPageAsync("/blog/2018/02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("February 2018", page.Text("h1"));
        Assert.Equal(["Filler Study 02", "Filler Study 03"], page.CardTitles());
        Assert.Equal("/blog/2018/03", page.Href("a[rel=next]"));
        Assert.Equal("/blog/2018/01", page.Href("a[rel=prev]"));
        Assert.False(page.Has(".intro"));
    }

    [Theory]
    [InlineData("/blog/2030/01")] // only a scheduled summary and an intro
    [InlineData("/blog/2021/05")] // no summaries
    [InlineData("/blog/2021/13")] // no such month
    [InlineData("/blog/0/04")]
    public async Task A_month_without_published_summaries_is_a_real_404_page(string url)
    {
        var (response, page) = await Site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.Equal("/blog", page.Href(".message-links a[href='/blog']"));
    }
}
