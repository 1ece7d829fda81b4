using PPRNet.Web.Search;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Search;

/// <summary>One more summary mentioning "alliance" than a search reads. The first one added has
/// the word in its title, so it would rank first if it were read; so has the last one added.</summary>
public sealed class CappedSite : IAsyncLifetime
{
    private readonly TestContent content = new();
    private readonly TestDatabase database = new();

    public BlogSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Write(0, "Alliance In The First Title Added");
        await database.ImportAsync(content.Root);
        for (var i = 1; i <= SearchReader.MaxHits; i++)
        {
            Write(i, i == SearchReader.MaxHits ? "Alliance In The Last Title Added" : $"Study {i:D3}");
        }

        Site = new BlogSite(content.Root, database.Path);
        await Site.GetPageAsync("/");
    }

    private void Write(int i, string title) =>
        content.WriteSummary($"{1980 + (i / 12)}-{1 + (i % 12):D2}", $"study-{i:D3}",
            new Dictionary<string, string?> { ["title"] = $"\"{title}\"" }, body: "The alliance was rated after each session.");

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        database.Dispose();
        content.Dispose();
    }
}

public sealed class SearchCapTests(CappedSite fixture) : IClassFixture<CappedSite>
{
    [Fact]
    public async Task A_word_in_more_summaries_than_a_search_reads_ranks_the_latest_added_and_says_so()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/search?q=alliance");

        Assert.Equal("Alliance In The Last Title Added", page.CardTitles()[0]);
        Assert.DoesNotContain("Alliance In The First Title Added", page.CardTitles());
        var applied = page.Text(".applied");
        Assert.Contains($"1–20 of {SearchReader.MaxHits} summaries match “alliance”", applied, StringComparison.Ordinal);
        Assert.Contains("these are the best of the newest 500", page.Text(".hint"), StringComparison.Ordinal);
    }
}
