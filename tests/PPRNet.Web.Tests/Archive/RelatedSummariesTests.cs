using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>"More on this topic" under a summary: of the fifty newest summaries of each of its
/// topics, the three that share the most topics with it, the newest first among equals. Each topic's
/// newest are kept between requests, so a save and a new day must show at once.</summary>
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

    [Fact]
    public async Task A_summary_fifty_places_down_a_topic_still_counts_when_the_reader_is_the_newest_of_it()
    {
        Write("2021-06", "reader", "[empathy, alliance]");
        for (var i = 0; i < 49; i++)
        {
            Write($"2020-{i % 12 + 1:D2}", $"filler-{i:D2}", "[empathy]");
        }

        Write("2019-01", "deep", "[empathy, alliance]");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/06/reader");

        // Fiftieth of empathy's newest once the reader itself is left out, so it shares two topics.
        Assert.Equal("/blog/2019/01/deep", page.QuerySelectorAll(".related li a").First().GetAttribute("href"));
    }

    [Fact]
    public async Task A_summary_an_editor_publishes_is_related_at_once_to_the_summaries_of_its_topic()
    {
        Write("2021-06", "reader", "[empathy]");
        Write("2019-01", "older", "[empathy]");
        await using var site = new BlogSite(content.Root);
        await site.AddStaffAsync();
        var (_, before) = await site.GetPageAsync("/blog/2021/06/reader");
        Assert.Equal(["/blog/2019/01/older"], before.QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href")));

        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        var (response, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Admin.SummaryFormTests.Typed("Empathy in Brief Therapy", "2021-05", ("Form.Topics", new[] { "empathy" })),
            button: "intent=save");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        var (_, after) = await site.GetPageAsync("/blog/2021/06/reader");
        Assert.Equal(["Empathy in Brief Therapy", "Summary older"],
            after.QuerySelectorAll(".related li a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task A_scheduled_summary_is_related_from_its_day_on()
    {
        Write("2021-06", "reader", "[empathy]");
        content.WriteSummary("2030-01", "scheduled", new Dictionary<string, string?>
        {
            ["topics"] = "[empathy]",
            ["published"] = "2030-01-01",
        });
        await using var site = new BlogSite(content.Root);
        site.Clock.Now = new DateTimeOffset(2029, 12, 31, 23, 0, 0, TimeSpan.Zero);
        var (_, before) = await site.GetPageAsync("/blog/2021/06/reader");
        Assert.Empty(before.QuerySelectorAll(".related li a"));

        site.Clock.Now = new DateTimeOffset(2030, 1, 1, 1, 0, 0, TimeSpan.Zero);
        var (_, after) = await site.GetPageAsync("/blog/2021/06/reader");

        Assert.Equal(["/blog/2030/01/scheduled"], after.QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href")));
    }
}
