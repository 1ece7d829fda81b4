using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>A save evicts the cached pages it can change and no others, so an edit does not turn
/// the whole site cold. Each test starts its own site, so what is cached is its own doing.</summary>
public sealed class CacheEvictionTests : IAsyncLifetime
{
    private const string Edited = "/blog/2021/04/alliance-ruptures";
    private const string SameMonth = "/blog/2021/04/empathy-training";
    private const string NextOlder = "/blog/2019/01/depression-trial";
    private const string Unrelated = "/blog/2018/01/old-depression-trial";
    private const string OtherTopicArchive = "/blog?topic=depression";

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "alliance-ruptures",
            new Dictionary<string, string?> { ["title"] = "\"Repairing Alliance Ruptures\"", ["topics"] = "[alliance]" });
        content.WriteSummary("2021-04", "empathy-training",
            new Dictionary<string, string?> { ["title"] = "\"Training Empathy\"", ["topics"] = "[empathy]" });
        content.WriteSummary("2019-01", "depression-trial",
            new Dictionary<string, string?> { ["title"] = "\"A Depression Trial\"", ["topics"] = "[depression]" });
        content.WriteSummary("2018-01", "old-depression-trial",
            new Dictionary<string, string?> { ["title"] = "\"An Older Depression Trial\"", ["topics"] = "[depression]" });
        site = new BlogSite(content.Root);
        await site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    [Fact]
    public async Task Editing_a_summarys_text_evicts_its_page_and_the_lists_showing_it_but_not_other_pages()
    {
        var pages = new[] { Edited, "/blog", "/blog/2021/04", SameMonth, NextOlder, Unrelated, OtherTopicArchive, "/topics" };
        await WarmAsync(pages);

        await SaveAsync(new() { ["Form.Effect"] = "d = 0.62" });

        Assert.False(await CachedAsync(Edited), "the edited summary's page is fresh");
        Assert.False(await CachedAsync("/blog"), "the archive page listing it is fresh");
        Assert.False(await CachedAsync("/blog/2021/04"), "its month is fresh");
        Assert.False(await CachedAsync(SameMonth), "its neighbour shows its title in the previous/next links");
        Assert.True(await CachedAsync(NextOlder), "the next month's summary does not show it and stays cached");
        Assert.True(await CachedAsync(Unrelated), "an unrelated summary stays cached");
        Assert.True(await CachedAsync(OtherTopicArchive), "a topic page that does not list it stays cached");
        Assert.True(await CachedAsync("/topics"), "the topic counts did not change, so the topic index stays cached");
        var (_, page) = await site.GetPageAsync(Edited);
        Assert.Contains("d = 0.62", page.Element(".facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retitling_a_summary_also_refreshes_counts_and_neighbours_but_not_summaries_far_from_it()
    {
        await WarmAsync([SameMonth, NextOlder, Unrelated, OtherTopicArchive, "/topics"]);

        await SaveAsync(new() { ["Form.Title"] = "Mending Alliance Ruptures" });

        Assert.False(await CachedAsync(SameMonth), "its neighbour in the month links to it");
        Assert.True(await CachedAsync(NextOlder), "the next month's summary still links to the same neighbour and stays cached");
        Assert.False(await CachedAsync(OtherTopicArchive), "every archive page's filter counts may change");
        Assert.False(await CachedAsync("/topics"), "topic counts may change");
        Assert.True(await CachedAsync(Unrelated), "a summary two months away with other topics stays cached");
        var (_, page) = await site.GetPageAsync(SameMonth);
        Assert.Contains("Mending Alliance Ruptures", page.Element("nav.prev-next").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_into_a_new_month_refreshes_the_summaries_it_now_sits_between()
    {
        await WarmAsync([SameMonth, NextOlder, Unrelated, "/blog/2019/01"]);

        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        var (response, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Admin.SummaryFormTests.Typed("A Trial Between Months", "2020-06", ("Form.Topics", new[] { "training" })),
            button: "intent=save");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        Assert.False(await CachedAsync(SameMonth), "the last summary of April 2021 now links to the new one");
        Assert.False(await CachedAsync(NextOlder), "the January 2019 summary now links to the new one");
        Assert.False(await CachedAsync("/blog/2019/01"), "the month beside the new month links to it");
        Assert.True(await CachedAsync(Unrelated), "a summary whose links did not change stays cached");
        var (_, page) = await site.GetPageAsync(NextOlder);
        Assert.Contains("A Trial Between Months", page.Element("nav.prev-next").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_in_a_transaction_evicts_once_it_commits_and_a_rolled_back_one_evicts_nothing()
    {
        await WarmAsync([Edited, SameMonth, Unrelated]);

        await RetitleInTransactionAsync("Never Seen", commit: false);
        Assert.True(await CachedAsync(Edited), "a rolled-back save changed nothing readers see");
        Assert.True(await CachedAsync(SameMonth), "nor its neighbour");

        await RetitleInTransactionAsync("Mending Alliance Ruptures", commit: true);
        Assert.False(await CachedAsync(Edited), "its page is evicted once the save commits");
        Assert.False(await CachedAsync(SameMonth), "the neighbour read after the commit is evicted too");
        Assert.True(await CachedAsync(Unrelated), "a summary far from it stays cached");
        var (_, page) = await site.GetPageAsync(SameMonth);
        Assert.Contains("Mending Alliance Ruptures", page.Element("nav.prev-next").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Saves a new title inside a transaction of its own; the pages stay cached until
    /// the transaction ends, so no reader can cache the state from before the commit.</summary>
    private async Task RetitleInTransactionAsync(string title, bool commit)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var summary = await db.Summaries.SingleAsync(s => s.Slug == "alliance-ruptures", cancellationToken);
        summary.Title = title;
        await db.SaveChangesAsync(cancellationToken);
        Assert.True(await CachedAsync(Edited), "nothing is evicted while the transaction is open");
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    private async Task WarmAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var (response, _) = await site.GetCachedPageAsync(url);
            Assert.True(response.Headers.Contains("Age"), $"{url} is cached before the save");
        }
    }

    private async Task<bool> CachedAsync(string url)
    {
        var (response, _) = await site.GetPageAsync(url);
        return response.Headers.Contains("Age");
    }

    private async Task SaveAsync(Dictionary<string, object?> fields)
    {
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        var (_, dashboard) = await editor.GetAsync("/admin?q=Alliance%20Ruptures");
        var (response, _) = await editor.SubmitAsync(dashboard.Href(".data-table td a")!, "form.summary-form", fields,
            button: "intent=save");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
