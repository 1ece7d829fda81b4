using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>Months of very different sizes, with a scheduled summary and a draft in some of them,
/// so pages begin in the middle of months and the month tallies count summaries readers never see.</summary>
public sealed class MonthsOfManySizesSite : IAsyncLifetime
{
    private static readonly (string Month, int Count)[] Months =
        [("2021-06", 7), ("2021-05", 13), ("2021-03", 1), ("2020-11", 25), ("2019-02", 4), ("2018-12", 19)];

    private readonly TestContent content = new();

    public BlogSite Site { get; private set; } = null!;

    /// <summary>Every public title in the archive's order: newest month first, then by title (one
    /// publish date a month).</summary>
    public List<string> Expected { get; } = [];

    public async ValueTask InitializeAsync()
    {
        foreach (var (month, count) in Months)
        {
            for (var i = 0; i < count; i++)
            {
                var title = $"Study {month} {i:D2}";
                content.WriteSummary(month, $"study-{i:D2}", new Dictionary<string, string?> { ["title"] = $"\"{title}\"" });
                Expected.Add(title);
            }
        }

        content.WriteSummary("2021-05", "scheduled", new Dictionary<string, string?>
        {
            ["title"] = "\"Study 2021-05 Scheduled\"",
            ["published"] = "2999-01-01",
        });
        content.WriteSummary("2020-11", "draft", new Dictionary<string, string?>
        {
            ["title"] = "\"Study 2020-11 Draft\"",
            ["status"] = "draft",
        });
        Site = new BlogSite(content.Root);
        await Site.GetPageAsync("/");
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        content.Dispose();
    }
}

public sealed class ArchiveDeepPageTests(MonthsOfManySizesSite fixture) : IClassFixture<MonthsOfManySizesSite>
{
    [Fact]
    public async Task Every_page_of_the_archive_holds_the_next_twenty_in_order_whichever_month_it_starts_in()
    {
        var shown = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var (_, html) = await fixture.Site.GetPageAsync(page == 1 ? "/blog" : $"/blog?page={page}");
            shown.AddRange(html.CardTitles());
        }

        Assert.Equal(69, fixture.Expected.Count);
        Assert.Equal(fixture.Expected, shown);
    }
}
