using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>The listings and counts the triggers keep must always equal a recount from the
/// summaries themselves, whatever kind of write changed them.</summary>
public sealed class ArchiveTalliesTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly TestContent content = new();

    public void Dispose()
    {
        database.Dispose();
        content.Dispose();
    }

    [Fact]
    public async Task Listings_and_counts_follow_every_kind_of_write()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["topics"] = "[empathy, training]" });
        content.WriteSummary("2021-04", "two",
            new Dictionary<string, string?> { ["topics"] = "[alliance]", ["research_type"] = "qualitative" });
        content.WriteSummary("2021-03", "three", new Dictionary<string, string?> { ["topics"] = "[empathy]" });
        content.WriteSummary("2021-03", "draft", new Dictionary<string, string?> { ["status"] = "draft" });
        await using (var setup = database.NewContext())
        {
            await ArchiveTallies.EnsureAsync(setup, NullLogger.Instance, TestContext.Current.CancellationToken);
        }

        Assert.Empty((await database.ImportAsync(content.Root)).Errors);
        await AssertMatchesRecountAsync(expectedLive: 3);

        await ChangeAsync("one", (s, _) => s.Status = SummaryStatus.Draft);
        await AssertMatchesRecountAsync(expectedLive: 2);
        await ChangeAsync("one", (s, _) => s.Status = SummaryStatus.Published);
        await ChangeAsync("two", (s, _) => s.DeletedAt = DateTimeOffset.UtcNow);
        await AssertMatchesRecountAsync(expectedLive: 2);
        await ChangeAsync("two", (s, _) => s.DeletedAt = null);
        await ChangeAsync("three", (s, db) => s.ResearchTypeId = db.ResearchTypes.Single(t => t.Slug == "qualitative").Id);
        await ChangeAsync("three", (s, db) => s.Topics.Add(db.Topics.Single(t => t.Slug == "depression")));
        await ChangeAsync("one", (s, _) => s.Topics.RemoveAll(t => t.Slug == "training"));
        await ChangeAsync("one", (s, _) => (s.Month, s.Title) = ("2020-01", "Moved and renamed"));
        await ChangeAsync("draft", (s, _) => s.Status = SummaryStatus.Published);
        await AssertMatchesRecountAsync(expectedLive: 4);

        await using (var db = database.NewContext())
        {
            await db.Summaries.Where(s => s.Slug == "two").ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.Summaries.Where(s => s.Slug == "draft")
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, "Bulk retitled"), TestContext.Current.CancellationToken);
        }

        await AssertMatchesRecountAsync(expectedLive: 3);
    }

    [Fact]
    public async Task A_large_first_import_builds_listings_counts_and_search_in_one_pass_that_later_writes_keep()
    {
        for (var i = 0; i < 1_000; i++)
        {
            content.WriteSummary($"{2000 + i / 120:D4}-{i / 10 % 12 + 1:D2}", $"bulk-{i:D4}", new Dictionary<string, string?>
            {
                ["topics"] = i % 3 == 0 ? "[empathy, training]" : "[depression]",
                ["research_type"] = i % 2 == 0 ? "meta-analysis" : "qualitative",
            }, body: $"Bulk study number {i} about therapy.");
        }

        Assert.Empty((await database.ImportAsync(content.Root)).Errors);
        await AssertMatchesRecountAsync(expectedLive: 1_000);
        await using (var db = database.NewContext())
        {
            var found = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM SummarySearch WHERE SummarySearch MATCH 'therapy'")
                .SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1_000, found);
        }

        await ChangeAsync("bulk-0001", (s, _) => s.Status = SummaryStatus.Draft);
        await AssertMatchesRecountAsync(expectedLive: 999);
    }

    private async Task ChangeAsync(string slug, Action<Summary, BlogDbContext> change)
    {
        await using var db = database.NewContext();
        var summary = await db.Summaries.Include(s => s.Topics).SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken);
        change(summary, db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task AssertMatchesRecountAsync(int expectedLive)
    {
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var live = db.Summaries.Where(s => s.Status == SummaryStatus.Published && s.DeletedAt == null);
        var expectedListings = (await live.Include(s => s.Topics).ToListAsync(ct))
            .SelectMany(s => s.Topics.Select(t => new { TopicId = t.Id, SummaryId = s.Id, s.ResearchTypeId, s.Month, s.Slug, s.Title }))
            .OrderBy(l => l.TopicId).ThenBy(l => l.SummaryId).ToList();
        var listings = await db.TopicListings.OrderBy(l => l.TopicId).ThenBy(l => l.SummaryId)
            .Select(l => new { l.TopicId, l.SummaryId, l.ResearchTypeId, l.Month, l.Slug, l.Title }).ToListAsync(ct);
        Assert.Equal(expectedListings, listings);

        var pairCounts = expectedListings.GroupBy(l => (l.TopicId, l.ResearchTypeId)).ToDictionary(g => g.Key, g => g.Count());
        var typeCounts = (await live.Select(s => s.ResearchTypeId).ToListAsync(ct)).GroupBy(t => t)
            .ToDictionary(g => (FacetCount.AnyTopic, g.Key), g => g.Count());
        var expectedCounts = pairCounts.Concat(typeCounts).OrderBy(p => p.Key).ToList();
        var counts = (await db.FacetCounts.Where(c => c.Count != 0).ToListAsync(ct))
            .Select(c => new KeyValuePair<(int, int), int>((c.TopicId, c.ResearchTypeId), c.Count)).OrderBy(p => p.Key).ToList();
        Assert.Equal(expectedCounts, counts);
        Assert.Equal(expectedLive, typeCounts.Values.Sum());

        var expectedMonths = (await live.Select(s => s.Month).ToListAsync(ct)).GroupBy(m => m).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count())).ToList();
        var months = (await db.MonthCounts.Where(m => m.Count != 0).OrderBy(m => m.Month).ToListAsync(ct))
            .Select(m => (m.Month, m.Count)).ToList();
        Assert.Equal(expectedMonths, months);
    }
}
