using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>"More on this topic" under a summary: of the newest summaries of each of its topics,
/// the three that share the most topics with it, the newest first among equals.</summary>
public sealed class RelatedSummariesTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private void Write(string month, string slug, string topics) =>
        content.WriteSummary(month, slug, new Dictionary<string, string?> { ["topics"] = topics });

    [Fact]
    public async Task A_summary_sharing_more_topics_comes_before_newer_ones_sharing_fewer()
    {
        Write("2021-06", "reader", "[empathy, alliance, training]");
        Write("2019-01", "old-three", "[empathy, alliance, training]");
        Write("2020-01", "two", "[alliance, training, depression]");
        Write("2021-05", "new-one-a", "[empathy]");
        Write("2021-03", "new-one-b", "[alliance]");
        Write("2021-04", "unrelated", "[depression]");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/06/reader");

        Assert.Equal(["/blog/2019/01/old-three", "/blog/2020/01/two", "/blog/2021/05/new-one-a"],
            page.QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href")));
    }
}
