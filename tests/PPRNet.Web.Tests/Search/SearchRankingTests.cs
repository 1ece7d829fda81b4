using Microsoft.Data.Sqlite;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Search;

/// <summary>Summaries that use "relapse" and "therapy" in different columns, as often and in
/// texts of different lengths, so bm25's order differs from the archive's.</summary>
public sealed class RankedSite : IAsyncLifetime
{
    private readonly TestContent content = new();

    public BlogSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var random = new Random(16);
        string[] filler = ["clients", "sessions", "outcome", "measure", "weeks", "sample", "clinic", "change"];
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => filler[random.Next(filler.Length)]));
        for (var i = 0; i < 16; i++)
        {
            var inTitle = i % 5 == 0 ? " Relapse" : "";
            var body = string.Join(' ', Enumerable.Range(0, 1 + (i % 4)).Select(_ => $"relapse {Words(random.Next(3, 40))}"));
            var implications = i % 3 == 0 ? $"Therapy {Words(random.Next(2, 20))}." : Words(6);
            content.WriteSummary($"2021-{1 + (i % 12):D2}", $"ranked-{i:D2}", new Dictionary<string, string?>
            {
                ["title"] = $"\"Study {i:D2}{inTitle}\"",
            }, body: body + ".", implications: implications);
        }

        Site = new BlogSite(content.Root);
        await Site.GetPageAsync("/");
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        content.Dispose();
    }
}

public sealed class SearchRankingTests(RankedSite fixture) : IClassFixture<RankedSite>
{
    [Theory]
    [InlineData("relapse", "\"relapse\"")]
    [InlineData("relapse therapy", "\"relapse\" \"therapy\"")]
    public async Task Results_come_in_the_order_of_SQLites_own_bm25_with_titles_weighing_most(string query, string match)
    {
        var expected = await Bm25OrderAsync(match);

        var (_, page) = await fixture.Site.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.True(expected.Count > 1);
        Assert.NotEqual(expected, expected.Order(StringComparer.Ordinal).ToList());
        Assert.NotEqual(expected, expected.OrderDescending(StringComparer.Ordinal).ToList());
        Assert.Equal(expected, page.CardTitles());
    }

    /// <summary>The titles as FTS5's bm25 orders them, read on a connection of the test's own.</summary>
    private async Task<List<string>> Bm25OrderAsync(string match)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Site.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Title FROM SummarySearch f JOIN Summaries s ON s.Id = f.rowid
            WHERE SummarySearch MATCH $match
            ORDER BY bm25(SummarySearch, 10.0, 3.0, 1.0, 2.0), s.Id
            """;
        command.Parameters.AddWithValue("$match", match);
        var titles = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            titles.Add(reader.GetString(0));
        }

        return titles;
    }
}
