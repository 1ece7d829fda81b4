using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Summaries;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>A summary opens with its bottom line and Practice Implications, then the study facts
/// in words a clinician can read, its limitations and only then the full summary.</summary>
public sealed class EvidenceFirstTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private void WriteAlliance() => content.WriteSummary("2021-04", "alliance-outcome", new Dictionary<string, string?>
    {
        ["title"] = "\"The Alliance and Outcome\"",
        ["topics"] = "[alliance]",
        ["studies"] = "295",
        ["participants"] = "30000",
        ["effect_size"] = "\n  statistic: r\n  value: 0.278\n  ci: [0.256, 0.299]\n  outcome: \"alliance and outcome\"",
        ["effect"] = "\"d = .579\"",
        ["bottom_line"] = "\"A better alliance goes with *better outcomes* across 295 studies; the link is correlational.\"",
        ["contributor"] = "\"PPRNet editorial team\"",
        ["published"] = "2021-04-01",
        ["updated"] = "2026-11-27",
    }, body: "The full account of the meta-analysis.",
        implications: "Attend to the alliance from the first session.\n\n## Limitations\n\nThe studies were **correlational**.");

    [Fact]
    public async Task The_page_opens_with_the_bottom_line_then_implications_facts_limitations_and_the_full_summary()
    {
        WriteAlliance();
        await using var site = new BlogSite(content.Root);

        var (response, page) = await site.GetPageAsync("/blog/2021/04/alliance-outcome");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sections = page.QuerySelectorAll("article.summary > section").Select(s => s.Text("h2")).ToList();
        Assert.Equal(["Bottom line", "Practice Implications", "The study at a glance", "Limitations", "The full summary",
            "Cite or get the paper"], sections);
        Assert.Equal(
            "A better alliance goes with better outcomes across 295 studies; the link is correlational.", page.Text(".bottom-line p"));
        Assert.Equal("better outcomes", page.Text(".bottom-line em"));
        Assert.Equal("The studies were correlational.", page.Text(".limitations p"));
        Assert.StartsWith("A better alliance", page.Element("meta[name=description]").GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_facts_name_what_was_counted_and_say_how_large_the_effect_is_with_a_caveat_and_a_guide()
    {
        WriteAlliance();
        content.WriteSummary("2021-04", "empathy-samples", new Dictionary<string, string?>
        {
            ["samples"] = "82",
            ["effect_size"] = "\n  statistic: d\n  value: -0.05",
        });
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/alliance-outcome");
        var facts = page.QuerySelectorAll(".facts dl > div")
            .Select(d => string.Join(" ", d.Children.Select(c => c.Text().Replace('\n', ' ')))).ToList();
        Assert.Equal("Design Meta-analysis", facts[0]);
        Assert.Equal("Studies 295", facts[1]);
        Assert.Equal("Participants 30,000", facts[2]);
        Assert.Equal(
            "Association r = .278, 95% CI [.256, .299] (alliance and outcome): " +
            "a medium association by Cohen's conventions (equivalent to d = 0.58)",
            string.Join(" ", facts[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Other figures d = .579", facts[4]);
        Assert.Equal("/reading-effect-sizes", page.Href(".caveat a"));

        var (_, samples) = await site.GetPageAsync("/blog/2021/04/empathy-samples");
        Assert.Contains("Independent samples", samples.QuerySelectorAll(".facts dt").Select(d => d.Text()));
        Assert.DoesNotContain("Studies", samples.QuerySelectorAll(".facts dt").Select(d => d.Text()));
        Assert.Contains("d = \u22120.05: below what Cohen called a small effect",
            samples.Text(".facts").Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        var (guide, guidePage) = await site.GetPageAsync("/reading-effect-sizes");
        Assert.Equal(HttpStatusCode.OK, guide.StatusCode);
        Assert.Equal("Reading effect sizes", guidePage.Text("h1"));
    }

    [Fact]
    public async Task The_byline_names_the_contributor_and_the_dates_and_cards_show_the_bottom_line()
    {
        WriteAlliance();
        content.WriteSummary("2021-04", "no-bottom-line");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/blog/2021/04/alliance-outcome");
        var byline = string.Join(" ", page.Text(".byline").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Summary by PPRNet editorial team · Published 1 April 2021 · Updated on 27 November 2026", byline);
        Assert.Equal("2026-11-27", page.Element(".revised time").GetAttribute("datetime"));

        foreach (var path in new[] { "/", "/blog/2021/04", "/blog" })
        {
            var (_, list) = await site.GetPageAsync(path);
            var card = list.QuerySelectorAll("article.card").Single(c => c.Text(".card-title") == "The Alliance and Outcome");
            Assert.StartsWith(
                "Bottom line: A better alliance goes with better outcomes", card.Text(".bottom-line-card"), StringComparison.Ordinal);
            Assert.False(card.Has(".excerpt"));
            // A summary written before bottom lines existed still shows its opening.
            var older = list.QuerySelectorAll("article.card").Single(c => c.Text(".card-title") == "Summary no-bottom-line");
            Assert.NotNull(older.QuerySelector(".excerpt"));
        }
    }

    [Fact]
    public async Task Export_writes_the_new_fields_back_so_the_file_imports_to_the_same_summary()
    {
        WriteAlliance();
        await using var site = new BlogSite(content.Root);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var summary = await db.Summaries.Include(s => s.Topics).Include(s => s.ResearchType)
            .SingleAsync(s => s.Slug == "alliance-outcome", TestContext.Current.CancellationToken);

        var text = SummaryMarkdown.Write(summary);
        var errors = new List<ImportError>();
        var lookup = new TaxonomyLookup(await db.Topics.ToListAsync(TestContext.Current.CancellationToken),
            await db.ResearchTypes.ToListAsync(TestContext.Current.CancellationToken));
        var again = SummaryFileParser.Parse("exported.md", text, lookup, errors);

        Assert.Empty(errors);
        Assert.NotNull(again);
        Assert.Equal(new EffectSize(EffectStatistic.R, 0.278, 0.256, 0.299, "alliance and outcome"), again.EffectSize);
        Assert.Equal("A better alliance goes with *better outcomes* across 295 studies; the link is correlational.",
            again.BottomLineMarkdown);
        Assert.Equal("The studies were **correlational**.", again.LimitationsMarkdown);
        Assert.Equal("PPRNet editorial team", again.Contributor);
        Assert.Equal(new DateOnly(2026, 11, 27), again.RevisedOn);
        Assert.Equal("d = .579", again.Effect);
    }
}
