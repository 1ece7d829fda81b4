using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Citations;

/// <summary>The citation is read into its parts once, when the summary is saved, and stored beside
/// its HTML; the page and the reference downloads show those stored parts. Own site: the test
/// writes to its database.</summary>
public sealed class StoredCitationTests : IAsyncLifetime
{
    private const string Page = "/blog/2021/04/stored-parts";

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "stored-parts");
        site = new BlogSite(content.Root);
        _ = site.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    [Fact]
    public async Task The_import_stores_the_citations_parts_and_pages_show_the_stored_parts()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            var row = await db.Summaries.AsNoTracking().SingleAsync(s => s.Slug == "stored-parts", TestContext.Current.CancellationToken);
            Assert.Equal(["Author, A."], row.CitationAuthors);
            Assert.Equal(("2020", "A study of things", "Journal of Studies"), (row.CitationYear, row.CitationTitle, row.CitationJournal));
            Assert.Equal(("1", "2", "3", "4"), (row.CitationVolume, row.CitationIssue, row.CitationFirstPage, row.CitationLastPage));
        }

        // Changed behind the app's back: a page that parsed the citation again would not show it.
        await using (var connection = new SqliteConnection($"Data Source={site.DatabasePath}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE Summaries SET CitationAuthors = '["Stored, S."]', CitationJournal = 'Stored Journal' WHERE Slug = 'stored-parts'
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (_, page) = await site.GetPageAsync(Page);
        var ris = await site.Browser().GetStringAsync(new Uri(Page + "/cite.ris", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Stored, S.", page.Element("meta[name=citation_author]").GetAttribute("content"));
        Assert.Equal("Stored Journal", page.Element("meta[name=citation_journal_title]").GetAttribute("content"));
        Assert.Contains("AU  - Stored, S.\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("T2  - Stored Journal\r\n", ris, StringComparison.Ordinal);
    }
}
