using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

public sealed class ContentImporterTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly TestDatabase database = new();

    public void Dispose()
    {
        content.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_good_file_is_stored_with_rendered_sanitized_html_and_every_field()
    {
        content.WriteSummary("2021-04", "mindfulness-and-empathy", new Dictionary<string, string?>
        {
            ["title"] = "\"Does Mindfulness Lead to Greater Empathy?\"",
            ["topics"] = "[empathy, Training]",
            ["doi"] = "\"https://doi.org/10.1007/s12671-020-01425-3\"",
            ["author_email"] = "author@example.org",
            ["studies"] = "22",
            ["participants"] = "6138",
            ["effect"] = "\"r = .27, 95% CI [.09, .44]\"",
        }, body: "Mindful **therapists**.\n\n<script>alert(1)</script>", implications: "- Ask clients\n- Listen");

        var report = await database.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(1, report.Added);
        var summary = await database.SummaryAsync("2021-04", "mindfulness-and-empathy");
        Assert.Equal("Does Mindfulness Lead to Greater Empathy?", summary.Title);
        Assert.Equal("10.1007/s12671-020-01425-3", summary.Doi);
        Assert.Equal("author@example.org", summary.AuthorEmail);
        Assert.Equal((22, 6138), (summary.Studies!.Value, summary.Participants!.Value));
        Assert.Equal("r = .27, 95% CI [.09, .44]", summary.Effect);
        Assert.Equal(new DateOnly(2021, 4, 1), summary.PublishedOn);
        Assert.Equal(SummaryStatus.Published, summary.Status);
        Assert.Equal("meta-analysis", summary.ResearchType.Slug);
        Assert.Equal(["empathy", "training"], summary.Topics.Select(t => t.Slug).Order());
        Assert.Contains("<strong>therapists</strong>", summary.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", summary.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<li>Ask clients</li>", summary.ImplicationsHtml, StringComparison.Ordinal);
        Assert.Contains("<em>Journal of Studies, 1</em>", summary.CitationHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", summary.CitationHtml, StringComparison.Ordinal);
        Assert.Equal("Author, A. (2020). A study of things. Journal of Studies, 1(2), 3–4.", summary.CitationText);
        Assert.Equal("summaries/2021/04-mindfulness-and-empathy.md", summary.SourcePath);
    }

    [Fact]
    public async Task The_slug_defaults_to_the_file_name_without_its_month_prefix()
    {
        content.WriteSummary("2020-02", "from-file-name", new Dictionary<string, string?> { ["slug"] = null });

        var report = await database.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal("from-file-name", (await database.SummaryAsync("2020-02", "from-file-name")).Slug);
    }

    [Fact]
    public async Task A_bad_file_is_reported_and_every_other_file_still_imports()
    {
        content.WriteSummary("2021-04", "good-one");
        var bad = content.WriteSummary("2021-04", "bad-one", new Dictionary<string, string?> { ["topics"] = "[empaty]" });
        content.WriteSummary("2021-03", "good-two");

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(2, report.Added);
        var error = Assert.Single(report.Errors);
        Assert.Equal(bad, error.File);
        Assert.Equal("topics", error.Field);
        Assert.Equal(6, error.Line);
        Assert.Contains("unknown topic \"empaty\"", error.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Summaries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_files_with_the_same_slug_in_a_month_import_the_first_and_report_the_second()
    {
        var first = content.WriteSummary("2021-04", "same");
        var second = content.Write("summaries/2021/04-zz-copy.md", TestContent.SummaryText("2021-04", "same"));

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(1, report.Added);
        var error = Assert.Single(report.Errors);
        Assert.Equal((second, "slug"), (error.File, error.Field));
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slug_claimed_again_batches_later_stays_with_the_file_that_comes_first()
    {
        // The importer reads the next batch of 128 files while it writes one; the files must still
        // be written in path order, so the earlier file keeps the slug whichever batch is read first.
        for (var i = 0; i < 600; i++)
        {
            content.WriteSummary("2021-04", $"study-{i:D3}");
        }

        var first = content.WriteSummary("2021-04", "study-010", new Dictionary<string, string?> { ["slug"] = "twice" });
        var later = content.WriteSummary("2021-04", "study-590", new Dictionary<string, string?> { ["slug"] = "twice" });

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(599, report.Added);
        var error = Assert.Single(report.Errors);
        Assert.Equal((later, "slug"), (error.File, error.Field));
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Equal("Summary study-010", (await database.SummaryAsync("2021-04", "twice")).Title);
        Assert.Equal("Summary study-599", (await database.SummaryAsync("2021-04", "study-599")).Title);
    }

    [Fact]
    public async Task A_missing_taxonomy_stops_the_import_with_a_clear_error()
    {
        content.Delete("taxonomy.yml");
        content.WriteSummary("2021-04", "one");

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(0, report.Added);
        Assert.Equal(("taxonomy.yml", "taxonomy"), (report.Errors[0].File, report.Errors[0].Field));
    }

    [Fact]
    public async Task Month_intros_are_imported_and_a_badly_named_intro_is_reported()
    {
        content.Write("issues/2021-04.md", "This month: *empathy*.");
        content.Write("issues/April-2021.md", "Wrong name.");

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(1, report.Added);
        Assert.Equal(("issues/April-2021.md", "month"), (report.Errors[0].File, report.Errors[0].Field));
        await using var db = database.NewContext();
        var intro = await db.MonthIssues.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("<p>This month: <em>empathy</em>.</p>", intro.IntroHtml.Trim());
    }

    [Fact]
    public async Task The_file_of_a_purged_summary_is_skipped_and_said_so()
    {
        content.WriteSummary("2021-04", "one");
        await using (var db = database.NewContext())
        {
            db.PurgedSources.Add(new PurgedSource { SourcePath = "summaries/2021/04-one.md", PurgedBy = "admin@example.org" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = await database.ImportAsync(content.Root);

        Assert.Equal((0, 1), (report.Added, report.SkippedPurged));
        Assert.Contains("1 skipped (purged on the web)", report.Headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("topics:\nresearch_types:\n  - name: A\n    name_fr: A\n    slug: a\n")]
    [InlineData("topics:\n  -\nresearch_types:\n  - name: A\n    name_fr: A\n    slug: a\n")]
    [InlineData("- just\n- a list\n")]
    public async Task A_broken_taxonomy_is_reported_not_thrown(string taxonomy)
    {
        content.Write("taxonomy.yml", taxonomy);

        var report = await database.ImportAsync(content.Root);

        Assert.Equal("taxonomy.yml", Assert.Single(report.Errors).File);
        Assert.Equal(0, report.Added);
    }

    [Fact]
    public async Task A_term_without_a_french_name_is_an_error_naming_it_on_its_line_while_the_rest_imports()
    {
        var taxonomy = TestContent.Taxonomy
            .Replace("    name_fr: \"Formation\"\n", "", StringComparison.Ordinal)
            .Replace("name_fr: \"Étude qualitative\"", "name_fr: \"  \"", StringComparison.Ordinal);
        content.Write("taxonomy.yml", taxonomy);
        content.WriteSummary("2021-04", "about-empathy", new Dictionary<string, string?> { ["topics"] = "[empathy]" });

        var report = await database.ImportAsync(content.Root);

        var lines = taxonomy.Split('\n').ToList();
        Assert.Collection(report.Errors,
            e =>
            {
                Assert.Equal(("taxonomy.yml", lines.IndexOf("  - name: \"Training\"") + 1, "name_fr"), (e.File, e.Line, e.Field));
                Assert.StartsWith("topic \"training\" has no French name", e.Message, StringComparison.Ordinal);
            },
            e =>
            {
                Assert.Equal(("taxonomy.yml", lines.IndexOf("  - name: \"Qualitative study\"") + 1, "name_fr"), (e.File, e.Line, e.Field));
                Assert.StartsWith("research type \"qualitative\" has no French name", e.Message, StringComparison.Ordinal);
            });
        Assert.Equal(1, report.Added);
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(["alliance", "depression", "empathy"], await db.Topics.Select(t => t.Slug).OrderBy(s => s).ToListAsync(ct));
        Assert.Equal(["meta-analysis", "randomized-controlled-trial"],
            await db.ResearchTypes.Select(t => t.Slug).OrderBy(s => s).ToListAsync(ct));
        Assert.Equal("Empathie", (await database.SummaryAsync("2021-04", "about-empathy")).Topics.Single().NameFr);
    }

    [Fact]
    public async Task An_import_leaves_a_french_name_an_editor_gave_and_fills_in_one_still_left_in_english()
    {
        var ct = TestContext.Current.CancellationToken;
        await database.ImportAsync(content.Root);
        await using (var db = database.NewContext())
        {
            var empathy = await db.Topics.SingleAsync(t => t.Slug == "empathy", ct);
            empathy.NameFr = empathy.Name; // as the FrenchTermNames migration leaves a term it found
            var training = await db.Topics.SingleAsync(t => t.Slug == "training", ct);
            training.NameFr = "Formation des thérapeutes";
            await db.SaveChangesAsync(ct);
        }

        var report = await database.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var check = database.NewContext();
        var names = await check.Topics.ToDictionaryAsync(t => t.Slug, t => t.NameFr, ct);
        Assert.Equal("Empathie", names["empathy"]);
        Assert.Equal("Formation des thérapeutes", names["training"]);
    }

    [Fact]
    public async Task A_re_import_in_which_no_summary_changed_still_adds_a_new_term_and_updates_a_changed_intro()
    {
        var ct = TestContext.Current.CancellationToken;
        content.WriteSummary("2021-04", "one");
        content.Write("issues/2021-04.md", "This month: one.");
        await database.ImportAsync(content.Root);
        content.Write("taxonomy.yml", TestContent.Taxonomy.Replace("research_types:",
            "  - name: \"Grief\"\n    name_fr: \"Deuil\"\n    slug: grief\nresearch_types:", StringComparison.Ordinal));
        content.Write("issues/2021-04.md", "This month: one, read again.");

        var report = await database.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal((0, 1, 1), (report.Added, report.Updated, report.Unchanged));
        await using var db = database.NewContext();
        Assert.Equal("Deuil", (await db.Topics.SingleAsync(t => t.Slug == "grief", ct)).NameFr);
        Assert.Contains("read again", (await db.MonthIssues.SingleAsync(ct)).IntroHtml, StringComparison.Ordinal);
    }
}
