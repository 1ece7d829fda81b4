using System.Globalization;
using System.Text.RegularExpressions;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>Two sites with the same pages, one with a few dozen summaries and one with thousands
/// more: each public page must send the same SQL to both, and no statement may scan the archive
/// or sort it in a temporary b-tree. Checked by counting commands and reading SQLite's query
/// plans, not by timing.</summary>
public sealed partial class ConstantCostTests(ConstantCostTests.Archives archives) : IClassFixture<ConstantCostTests.Archives>
{
    /// <summary>Tables whose size grows with the archive; a full scan of any of them is a bug.</summary>
    private static readonly string[] ArchiveTables = ["Summaries", "SummaryTopics", "TopicListings", "Revisions", "SummarySearch_content"];

    public static TheoryData<string> PublicPages => new(
        "/",
        "/blog",
        "/blog?page=2",
        "/blog?topic=empathy",
        "/blog?topic=depression&page=2",
        "/blog?type=meta-analysis",
        "/blog?topic=empathy&type=meta-analysis",
        "/blog/months",
        "/blog/2021/04",
        "/blog/2021/04/mindful-empathy",
        "/blog/2021/04/mindful-empathy/cite.ris",
        "/topics",
        "/search?q=therapy",
        "/search?q=mindful",
        "/search?q=therapy&topic=empathy&type=meta-analysis",
        "/feeds/all.rss",
        "/feeds/topics/empathy.atom",
        "/feeds/types/meta-analysis.rss",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/months-1.xml",
        "/sitemaps/summaries-1.xml");

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_sends_the_same_sql_to_a_small_and_a_large_archive(string url)
    {
        var large = await archives.Large.MeasureAsync(url);
        var small = await archives.Small.MeasureAsync(url);

        Assert.Equal(small.Count, large.Count);
        Assert.True(small.Count > 0, "the page reads the database");
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task No_statement_of_a_page_scans_or_sorts_the_archive(string url)
    {
        // As its first reader after a save reads it: what pages keep between requests (each topic's
        // newest summaries) is read again too.
        var commands = await archives.Large.MeasureAsync(url, afterASave: true);

        var problems = new List<string>();
        foreach (var command in commands)
        {
            var plan = archives.Large.Plan(command);
            var aliases = Aliases(command.Sql);
            foreach (var (line, _) in plan)
            {
                var scanned = ScanOf().Match(line);
                if (scanned.Success && ArchiveTables.Contains(aliases.GetValueOrDefault(scanned.Groups[1].Value, scanned.Groups[1].Value)))
                {
                    problems.Add($"{line}\n  in: {command.Sql}");
                }

                // An equality on status and trash alone walks every live summary, unless the
                // statement stops after a page (LIMIT) along an index in the page's order.
                var searched = WalkOf().Match(line);
                if (searched.Success
                    && ArchiveTables.Contains(aliases.GetValueOrDefault(searched.Groups[1].Value, searched.Groups[1].Value))
                    && !command.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{line}\n  in: {command.Sql}");
                }

                if (line.Contains("USE TEMP B-TREE", StringComparison.Ordinal))
                {
                    problems.Add($"{line}\n  in: {command.Sql}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The prepared page statements name their parameters with "$". SQLite compiles a
    /// statement again each time a parameter in its LIMIT or OFFSET is bound, which would undo
    /// keeping it compiled (<see cref="PPRNet.Web.Data.PreparedStatements.Bound"/>).</summary>
    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task No_prepared_statement_of_a_page_has_a_bare_parameter_in_limit_or_offset(string url)
    {
        var commands = await archives.Large.MeasureAsync(url);

        var bare = commands.Where(c => BareLimit().IsMatch(c.Sql)).Select(c => c.Sql).ToList();
        Assert.True(bare.Count == 0, string.Join("\n\n", bare));
    }

    [Fact]
    public async Task The_large_archive_really_is_large_and_its_counts_add_up()
    {
        var (_, page) = await archives.Large.Site.GetPageAsync("/blog?topic=depression");

        var applied = page.Text(".applied");
        Assert.Contains($"of {Archives.Bulk / 2 + 30} summaries", applied, StringComparison.Ordinal);
    }

    /// <summary>Table name for each alias in a statement ("Summaries" AS "s").</summary>
    private static Dictionary<string, string> Aliases(string sql) =>
        AliasOf().Matches(sql).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""?(\w+)""?(?:\s+AS)?\s+""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex AliasOf();

    [GeneratedRegex(@"\b(?:LIMIT|OFFSET)\s+\$\w+")]
    private static partial Regex BareLimit();

    [GeneratedRegex(@"\bSCAN (\w+)")]
    private static partial Regex ScanOf();

    [GeneratedRegex(@"\bSEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(Status=\? AND DeletedAt=\?\)$")]
    private static partial Regex WalkOf();

    public sealed class Archives : IAsyncLifetime
    {
        public const int Bulk = 6_000;

        private readonly TestContent content = new();

        public MeasuredSite Small { get; private set; } = null!;
        public MeasuredSite Large { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            content.WriteSummary("2021-04", "mindful-empathy", new Dictionary<string, string?>
            {
                ["title"] = "\"Mindful Therapists\"",
                ["topics"] = "[empathy, training]",
            }, body: "Mindful therapy and empathy.");
            content.WriteSummary("2021-04", "alliance-voices", new Dictionary<string, string?>
            {
                ["research_type"] = "qualitative",
                ["topics"] = "[alliance, empathy]",
            }, body: "Clients talk about therapy.");
            content.WriteSummary("2021-05", "scheduled", new Dictionary<string, string?> { ["published"] = "2999-01-01" });
            for (var i = 0; i < 30; i++)
            {
                var month = new DateOnly(2018, 1, 1).AddMonths(i / 2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                content.WriteSummary(month, $"filler-{i:D2}", new Dictionary<string, string?>
                {
                    ["research_type"] = i % 5 == 0 ? "randomized-controlled-trial" : "meta-analysis",
                    ["topics"] = i % 3 == 0 ? "[depression, empathy]" : "[depression]",
                }, body: "A therapy study.");
            }

            Small = new MeasuredSite(content.Root);
            Large = new MeasuredSite(content.Root);
            _ = Small.Server;
            _ = Large.Server;
            await Large.AddBulkSummariesAsync(Bulk);
        }

        public async ValueTask DisposeAsync()
        {
            await Small.DisposeAsync();
            await Large.DisposeAsync();
            content.Dispose();
        }
    }
}
