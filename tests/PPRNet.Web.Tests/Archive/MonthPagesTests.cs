using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>A month shows 20 summaries a page, like the archive, so a busy month never makes one
/// page that grows with it. The site holds one month of 23 public summaries and a scheduled one.</summary>
public sealed class MonthPagesTests : IAsyncLifetime
{
    private const string Month = "/blog/2020/03";

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 23; i++)
        {
            content.WriteSummary("2020-03", $"s{i:D2}");
        }

        content.WriteSummary("2020-03", "s00-scheduled", new Dictionary<string, string?> { ["published"] = "2999-01-01" });
        content.WriteSummary("2019-11", "older-month");
        site = new BlogSite(content.Root);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    [Fact]
    public async Task A_month_of_23_summaries_shows_20_then_the_other_3_on_its_second_page()
    {
        var (first, firstPage) = await site.GetPageAsync(Month);
        var (second, secondPage) = await site.GetPageAsync($"{Month}?page=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var onFirst = firstPage.Texts(".card-title");
        var onSecond = secondPage.Texts(".card-title");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Summary s{i:D2}"), onFirst);
        Assert.Equal(["Summary s21", "Summary s22", "Summary s23"], onSecond);
        Assert.Equal("Page 1 of 2", firstPage.Text("nav[aria-label='Pages of March 2020'] span"));
        Assert.Equal($"{Month}?page=2", firstPage.Element("nav[aria-label='Pages of March 2020'] a").GetAttribute("href"));
        Assert.Equal("March 2020, page 2 of 2", secondPage.Text("h1"));
        Assert.Equal(Month, secondPage.Element("nav[aria-label='Pages of March 2020'] a").GetAttribute("href"));
        Assert.DoesNotContain("s00-scheduled", firstPage.Body!.InnerHtml + secondPage.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_page_past_the_last_is_not_found_and_a_page_that_is_not_a_number_is_a_bad_request()
    {
        var (beyond, _) = await site.GetPageAsync($"{Month}?page=3");
        var (zero, zeroPage) = await site.GetPageAsync($"{Month}?page=0");
        var (word, _) = await site.GetPageAsync($"{Month}?page=two");

        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        Assert.Contains("whole number from 1 up", zeroPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_latest_months_first_20_and_links_to_the_rest_counting_only_public_ones()
    {
        var (_, home) = await site.GetPageAsync("/");

        Assert.Equal(20, home.Texts(".card-title").Count);
        var more = home.Element($"a[href='{Month}?page=2']");
        Assert.Equal("More from March 2020 (23 summaries in all)", more.Text());
    }

    [Fact]
    public async Task A_month_of_fewer_than_20_has_no_page_links()
    {
        var (_, page) = await site.GetPageAsync("/blog/2019/11");

        Assert.Equal(["Summary older-month"], page.Texts(".card-title"));
        Assert.Empty(page.QuerySelectorAll("nav[aria-label='Pages of November 2019']"));
    }
}
