using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>The months page (<c>/blog/months</c>) and the month pages' way between months. Each test
/// starts its own site over an archive with gaps: months with only a draft, only a scheduled or only
/// a trashed summary, and a month with nothing, none of which readers may see or be sent to.</summary>
public sealed class MonthsPageTests : IAsyncLifetime
{
    private const string MonthsPage = "/blog/months";

    /// <summary>The months readers see, newest first, as the months page writes them.</summary>
    private static readonly string[] PublicMonths =
        ["May 2018 1 summary", "February 2017 1 summary", "October 2016 2 summaries", "August 2016 1 summary", "March 2015 1 summary"];

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public async ValueTask InitializeAsync()
    {
        Summary("2015-03", "oldest");
        Summary("2016-08", "august");
        Summary("2016-10", "october-one");
        Summary("2016-10", "october-two");
        Summary("2016-10", "october-draft", ("status", "draft"));
        Summary("2016-10", "october-scheduled", ("published", "2999-01-01"));
        Summary("2016-10", "october-trashed");
        Summary("2016-11", "november-draft-only", ("status", "draft"));
        Summary("2016-12", "december-scheduled-only", ("published", "2999-01-01"));
        Summary("2017-01", "january-trashed-only");
        Summary("2017-02", "february");
        Summary("2017-02", "february-scheduled", ("published", "2999-01-01"));
        Summary("2018-05", "newest");
        site = new BlogSite(content.Root);
        await TrashAsync("october-trashed");
        await TrashAsync("january-trashed-only");
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    [Fact]
    public async Task The_months_page_lists_by_year_exactly_the_months_with_published_summaries_and_their_counts()
    {
        var (response, page) = await site.GetPageAsync(MonthsPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Browse by month | PPRNet Research Blog", page.Title);
        Assert.Equal("Browse by month", page.Text("h1"));
        Assert.Equal(["2018", "2017", "2016", "2015"], page.Texts(".month-year h2"));
        Assert.Equal(PublicMonths, page.Texts(".month-index li"));
        Assert.Equal(["October 2016 2 summaries", "August 2016 1 summary"], page.Element("section[aria-labelledby=year-2016]").Texts("li"));
        Assert.Equal(["/blog/2018/05", "/blog/2017/02", "/blog/2016/10", "/blog/2016/08", "/blog/2015/03"],
            page.QuerySelectorAll(".month-index a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Each_listed_month_opens_its_page_with_as_many_summaries_as_its_count()
    {
        var (_, page) = await site.GetPageAsync(MonthsPage);

        foreach (var item in page.QuerySelectorAll(".month-index li"))
        {
            var (response, month) = await site.GetPageAsync(item.Href("a"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(item.Text("a"), month.Text("h1"));
            Assert.Equal(item.Text(".count"), month.CardTitles().Count == 1 ? "1 summary" : $"{month.CardTitles().Count} summaries");
        }
    }

    [Theory]
    [InlineData("/blog/2016/09")] // nothing at all
    [InlineData("/blog/2016/11")] // a draft only
    [InlineData("/blog/2016/12")] // a scheduled summary only
    [InlineData("/blog/2017/01")] // a trashed summary only
    [InlineData("/blog/2016/13")]
    [InlineData("/blog/2016/00")]
    [InlineData("/blog/99999/10")]
    public async Task A_month_the_months_page_leaves_out_is_still_a_404_page(string url)
    {
        var (response, page) = await site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task A_month_links_to_the_nearest_earlier_and_later_months_with_published_summaries()
    {
        var (_, page) = await site.GetPageAsync("/blog/2016/10");

        var months = page.Element("nav[aria-label=Months]");
        Assert.Equal("/blog/2016/08", months.Href("a[rel=prev]"));
        Assert.Equal("← August 2016", months.Text("a[rel=prev]"));
        // Past an empty month, a draft, a scheduled and a trashed summary.
        Assert.Equal("/blog/2017/02", months.Href("a[rel=next]"));
        Assert.Equal("February 2017 →", months.Text("a[rel=next]"));
        Assert.Equal(["Summary october-one", "Summary october-two"], page.CardTitles().Order());
    }

    [Fact]
    public async Task The_oldest_month_has_no_earlier_link_and_the_newest_no_later_link()
    {
        var (_, oldest) = await site.GetPageAsync("/blog/2015/03");
        var (_, newest) = await site.GetPageAsync("/blog/2018/05");

        Assert.False(oldest.Element("nav[aria-label=Months]").Has("a[rel=prev]"));
        Assert.Equal("/blog/2016/08", oldest.Href("nav[aria-label=Months] a[rel=next]"));
        Assert.False(newest.Element("nav[aria-label=Months]").Has("a[rel=next]"));
        Assert.Equal("/blog/2017/02", newest.Href("nav[aria-label=Months] a[rel=prev]"));
    }

    [Fact]
    public async Task The_archive_and_every_month_link_to_the_months_page_at_that_months_year()
    {
        var (_, archive) = await site.GetPageAsync("/blog");
        var (_, month) = await site.GetPageAsync("/blog/2016/08");
        var (_, months) = await site.GetPageAsync(MonthsPage);

        // Above the filters, where a reader choosing how to browse looks first.
        Assert.Equal("Browse by month", archive.Text("main h1 + .browse-by a"));
        Assert.Equal(MonthsPage, archive.Href("main .browse-by a"));
        Assert.Equal("/blog/months#year-2016", month.Href("nav[aria-label=Months] a.all-months"));
        Assert.Equal("/blog/months#year-2016", month.Href(".kicker a[href^='/blog/months']"));
        Assert.Equal("2016", months.Text("h2#year-2016"));
    }

    [Fact]
    public async Task Trashing_or_unpublishing_a_summary_refreshes_the_cached_months_page()
    {
        Assert.Equal(PublicMonths, await CachedMonthsAsync());

        await TrashAsync("october-two");
        Assert.Contains("October 2016 1 summary", (await site.GetPageAsync(MonthsPage)).Html.Texts(".month-index li"));

        Assert.Contains("October 2016 1 summary", await CachedMonthsAsync());
        await ChangeAsync("august", s => s.Status = SummaryStatus.Draft);
        var (response, page) = await site.GetPageAsync(MonthsPage);
        Assert.False(response.Headers.Contains("Age"), "the months page was evicted");
        Assert.DoesNotContain(page.Texts(".month-index li"), m => m.StartsWith("August 2016", StringComparison.Ordinal));
        Assert.Equal("/blog/2015/03", (await site.GetPageAsync("/blog/2016/10")).Html.Href("nav[aria-label=Months] a[rel=prev]"));

        Assert.DoesNotContain("August 2016 1 summary", await CachedMonthsAsync());
        await ChangeAsync("august", s => s.Status = SummaryStatus.Published);
        Assert.Equal(["October 2016 1 summary", "August 2016 1 summary"],
            (await site.GetPageAsync(MonthsPage)).Html.Element("section[aria-labelledby=year-2016]").Texts("li"));
    }

    [Fact]
    public async Task A_scheduled_summary_joins_the_months_page_and_its_neighbours_on_its_day()
    {
        site.Clock.Now = new DateTimeOffset(2999, 1, 1, 8, 0, 0, TimeSpan.Zero);

        var (_, page) = await site.GetPageAsync(MonthsPage);
        var (_, october) = await site.GetPageAsync("/blog/2016/10");

        Assert.Equal(["December 2016 1 summary", "October 2016 3 summaries", "August 2016 1 summary"],
            page.Element("section[aria-labelledby=year-2016]").Texts("li"));
        Assert.Contains("February 2017 2 summaries", page.Texts(".month-index li"));
        Assert.Equal("/blog/2016/12", october.Href("nav[aria-label=Months] a[rel=next]"));
    }

    [Fact]
    public async Task The_sitemap_lists_the_months_page_and_the_same_months_oldest_first()
    {
        Assert.Contains(MonthsPage, await SitemapPathsAsync("/sitemaps/pages.xml"));
        Assert.Equal(["/blog/2015/03", "/blog/2016/08", "/blog/2016/10", "/blog/2017/02", "/blog/2018/05"],
            await SitemapPathsAsync("/sitemaps/months-1.xml"));
        var missing = await site.Browser().GetAsync(new Uri("/sitemaps/months-2.xml", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The English pages a sitemap file lists; each has its French twin under /fr (FrenchPagesTests).</summary>
    private async Task<List<string>> SitemapPathsAsync(string file)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var cancellationToken = TestContext.Current.CancellationToken;
        var response = await site.Browser().GetAsync(new Uri(file, UriKind.Relative), cancellationToken);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath)
            .Where(p => !p.StartsWith("/fr/", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The months page's list, as the output cache serves it.</summary>
    private async Task<IReadOnlyList<string>> CachedMonthsAsync()
    {
        var (response, page) = await site.GetCachedPageAsync(MonthsPage);
        Assert.True(response.Headers.Contains("Age"), "the months page is cached");
        return page.Texts(".month-index li");
    }

    private void Summary(string month, string slug, params (string Key, string Value)[] fields) =>
        content.WriteSummary(month, slug, fields.ToDictionary(f => f.Key, f => (string?)f.Value));

    /// <summary>Moves a summary to the trash as an editor does, through the site's own service.</summary>
    private async Task TrashAsync(string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var id = await db.Summaries.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(await scope.ServiceProvider.GetRequiredService<SummaryTrash>()
            .TrashAsync(id, BlogSite.EditorEmail, TestContext.Current.CancellationToken));
    }

    /// <summary>Saves a change to a summary through the site's own context, as the editors' form does.</summary>
    private async Task ChangeAsync(string slug, Action<Summary> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        change(await db.Summaries.SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
