using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

/// <summary>The archive we ship in content/ imports cleanly and carries the papers of the
/// network's current page with their checked citations.</summary>
public sealed class ShippedContentTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_shipped_content_imports_without_errors_and_covers_enough_of_the_archive()
    {
        var report = await database.ImportAsync(Repository.ContentFolder);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(36, await db.Topics.CountAsync(ct));
        Assert.Equal(6, await db.ResearchTypes.CountAsync(ct));
        Assert.InRange(await db.Summaries.CountAsync(ct), 16, 1000);
        Assert.InRange(await db.Summaries.Select(s => s.Month).Distinct().CountAsync(ct), 8, 1000);
        Assert.InRange(await db.Summaries.Select(s => s.ResearchTypeId).Distinct().CountAsync(ct), 4, 6);
        Assert.InRange(await db.MonthIssues.CountAsync(ct), 3, 1000);
    }

    [Fact]
    public async Task Every_shipped_topic_and_research_type_has_a_french_name()
    {
        await database.ImportAsync(Repository.ContentFolder);

        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var terms = (await db.Topics.Select(t => new { t.Slug, t.Name, t.NameFr }).ToListAsync(ct))
            .Concat(await db.ResearchTypes.Select(t => new { t.Slug, t.Name, t.NameFr }).ToListAsync(ct)).ToList();
        Assert.Equal(42, terms.Count);
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.NameFr), $"{t.Slug} has no French name"));
    }

    [Fact]
    public async Task Every_shipped_summary_says_how_far_to_trust_it_or_why_it_is_deliberately_not_rated()
    {
        await database.ImportAsync(Repository.ContentFolder);

        await using var db = database.NewContext();
        var ratings = await db.Summaries.Select(s => new { s.Slug, s.CertaintyLevel, s.CertaintyNote })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(ratings, r =>
        {
            Assert.True(r.CertaintyLevel is not null, $"{r.Slug} has no certainty rating; rate it, or say why it is not-rated");
            Assert.False(string.IsNullOrWhiteSpace(r.CertaintyNote), $"{r.Slug} gives no reason for its rating");
        });
    }

    [Theory]
    [InlineData("2021-04", "Cooper, D., Yap, K., O'Brien, M., & Scott, I. (2020)", "10.1007/s12671-020-01425-3")]
    [InlineData("2019-05", "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018)", "10.1037/pst0000175")]
    [InlineData("2018-11", "Norcross, J. C., & Lambert, M. J. (2018)", "10.1037/pst0000193")]
    [InlineData("2014-09", "Elliott, R., Bohart, A. C., Watson, J. C., & Greenberg, L. S. (2011)", "10.1037/a0022187")]
    public async Task The_papers_of_the_networks_page_are_in_their_months_with_checked_dois(string month, string authors, string doi)
    {
        await database.ImportAsync(Repository.ContentFolder);

        await using var db = database.NewContext();
        var summary = await db.Summaries.SingleAsync(s => s.Doi == doi, TestContext.Current.CancellationToken);
        Assert.Equal(month, summary.Month);
        Assert.StartsWith(authors, summary.CitationText, StringComparison.Ordinal);
        Assert.NotEmpty(summary.ImplicationsHtml);
    }
}
