using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>The summary page reads its row through a prepared statement; what it reads must be
/// what EF reads of the same summary, field for field, so the page and the editors' preview agree.</summary>
public sealed class SummaryPageRowTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Theory]
    [InlineData("full-row")]
    [InlineData("sparse-row")]
    public async Task The_prepared_read_of_a_summary_gives_the_same_row_as_ef_reading_its_entity(string slug)
    {
        content.WriteSummary("2021-04", "full-row", new Dictionary<string, string?>
        {
            ["title"] = "\"The Alliance and Outcome\"",
            ["citation"] = "\"Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O. (2018). The alliance in adult "
                + "psychotherapy: A meta-analytic synthesis. *Psychotherapy, 55*(4), 316–340.\"",
            ["doi"] = "\"10.1037/pst0000172\"",
            ["author_email"] = "\"author@example.org\"",
            ["studies"] = "295",
            ["samples"] = "300",
            ["participants"] = "30000",
            ["effect_size"] = "\n  statistic: r\n  value: 0.278\n  ci: [0.256, 0.299]\n  outcome: \"alliance and outcome\"",
            ["effect"] = "\"d = .579\"",
            ["certainty"] = "low",
            ["certainty_reasons"] = "[risk-of-bias, inconsistency]",
            ["certainty_note"] = "\"Correlational studies of varied designs.\"",
            ["bottom_line"] = "\"A better alliance goes with *better outcomes*.\"",
            ["contributor"] = "\"PPRNet editorial team\"",
            ["published"] = "2021-04-03",
            ["updated"] = "2026-11-27",
        }, body: "The full account.", implications: "Attend to the alliance.\n\n## Limitations\n\nThe studies were correlational.");
        content.WriteSummary("2021-04", "sparse-row", new Dictionary<string, string?> { ["citation"] = "\"Just some text.\"" });
        await using var site = new BlogSite(content.Root);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var statements = scope.ServiceProvider.GetRequiredService<PreparedStatements>();

        var entity = await db.Summaries.AsNoTracking().SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken);
        var prepared = statements.Read(SummaryPageRow.Sql, parameters =>
        {
            parameters.Add(SummaryQueries.TodayParameter(DateOnly.FromDateTime(DateTime.UtcNow)));
            parameters.Add(new SqliteParameter("$month", "2021-04"));
            parameters.Add(new SqliteParameter("$slug", slug));
        }, SummaryPageRow.Read);

        Assert.NotNull(prepared);
        Assert.Equal(JsonSerializer.Serialize(SummaryPageRow.From(entity)), JsonSerializer.Serialize(prepared));
        if (slug == "full-row")
        {
            Assert.Equal(4, prepared.Citation.Authors.Count);
            Assert.Equal(0.256, prepared.EffectSize!.CiLow);
            Assert.Equal(CertaintyLevel.Low, prepared.Certainty!.Level);
        }
    }
}
