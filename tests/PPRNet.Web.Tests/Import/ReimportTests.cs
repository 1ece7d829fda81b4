using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

/// <summary>Importing again: unchanged files, changed ones, moved ones, and files whose summary an
/// editor changed on the web in between.</summary>
public sealed class ReimportTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly TestDatabase database = new();

    public void Dispose()
    {
        content.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_second_import_of_unchanged_files_changes_nothing_and_says_so()
    {
        content.WriteSummary("2021-04", "one");
        content.WriteSummary("2021-04", "two");
        content.Write("issues/2021-04.md", "This month we look at empathy.");
        await database.ImportAsync(content.Root);
        var before = await database.SummaryAsync("2021-04", "one");

        var report = await database.ImportAsync(content.Root);

        Assert.Equal((0, 0, 3), (report.Added, report.Updated, report.Unchanged));
        Assert.Contains("nothing to change", report.Headline, StringComparison.Ordinal);
        Assert.Equal(before.UpdatedAt, (await database.SummaryAsync("2021-04", "one")).UpdatedAt);
    }

    [Fact]
    public async Task A_changed_file_updates_its_summary_in_place()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["topics"] = "[empathy]" });
        await database.ImportAsync(content.Root);
        var id = (await database.SummaryAsync("2021-04", "one")).Id;

        content.WriteSummary("2021-04", "one", new Dictionary<string, string?>
        {
            ["title"] = "\"A better title\"",
            ["topics"] = "[alliance, depression]",
            ["research_type"] = "qualitative",
        }, body: "New words.");
        var report = await database.ImportAsync(content.Root);

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Unchanged));
        var summary = await database.SummaryAsync("2021-04", "one");
        Assert.Equal(id, summary.Id);
        Assert.Equal("A better title", summary.Title);
        Assert.Equal("<p>New words.</p>", summary.BodyHtml.Trim());
        Assert.Equal("qualitative", summary.ResearchType.Slug);
        Assert.Equal(["alliance", "depression"], summary.Topics.Select(t => t.Slug).Order());
    }

    [Fact]
    public async Task Files_changed_after_a_whole_batch_of_unchanged_ones_get_their_new_topics_and_type()
    {
        // The importer writes 128 files a batch; a batch that changed nothing keeps its tracked terms.
        for (var i = 0; i < 300; i++)
        {
            content.WriteSummary("2021-04", $"study-{i:D3}", new Dictionary<string, string?> { ["topics"] = "[empathy]" });
        }

        await database.ImportAsync(content.Root);
        foreach (var slug in new[] { "study-270", "study-299" })
        {
            content.WriteSummary("2021-04", slug, new Dictionary<string, string?>
            {
                ["topics"] = "[alliance, depression]",
                ["research_type"] = "qualitative",
            });
        }

        var report = await database.ImportAsync(content.Root);

        Assert.Equal((0, 2, 298), (report.Added, report.Updated, report.Unchanged));
        foreach (var slug in new[] { "study-270", "study-299" })
        {
            var summary = await database.SummaryAsync("2021-04", slug);
            Assert.Equal("qualitative", summary.ResearchType.Slug);
            Assert.Equal(["alliance", "depression"], summary.Topics.Select(t => t.Slug).Order());
        }

        Assert.Equal(["empathy"], (await database.SummaryAsync("2021-04", "study-000")).Topics.Select(t => t.Slug));
    }

    [Fact]
    public async Task Removing_an_optional_field_from_the_file_clears_it()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?>
        {
            ["doi"] = "10.1037/pst0000175",
            ["author_email"] = "someone@example.org",
            ["studies"] = "82",
            ["effect"] = "\"r = .28\"",
        });
        await database.ImportAsync(content.Root);

        content.WriteSummary("2021-04", "one");
        await database.ImportAsync(content.Root);

        var summary = await database.SummaryAsync("2021-04", "one");
        Assert.Null(summary.Doi);
        Assert.Null(summary.AuthorEmail);
        Assert.Null(summary.Studies);
        Assert.Null(summary.Effect);
    }

    [Fact]
    public async Task A_file_changed_after_a_web_edit_never_overwrites_it_and_is_reported_as_a_conflict()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"File Title\"" });
        await database.ImportAsync(content.Root);
        await using (var db = database.NewContext())
        {
            var web = await db.Summaries.SingleAsync(TestContext.Current.CancellationToken);
            web.Title = "Web Title";
            web.EditedOnWeb = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"Changed File Title\"" });
        var first = await database.ImportAsync(content.Root);
        var again = await database.ImportAsync(content.Root);

        Assert.Equal(["summaries/2021/04-one.md"], first.Conflicts);
        Assert.Equal((0, 0), (first.Added, first.Updated));
        Assert.Single(again.Conflicts);
        Assert.Equal("Web Title", (await database.SummaryAsync("2021-04", "one")).Title);
        await using var check = database.NewContext();
        var conflict = await check.ImportConflicts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Changed File Title", conflict.FileMarkdown, StringComparison.Ordinal);
        Assert.Null(conflict.ResolvedAt);
    }

    [Fact]
    public async Task Each_import_that_changes_a_summary_keeps_a_revision()
    {
        content.WriteSummary("2021-04", "one");
        await database.ImportAsync(content.Root);
        content.WriteSummary("2021-04", "one", body: "Changed.");
        await database.ImportAsync(content.Root);
        await database.ImportAsync(content.Root);

        await using var db = database.NewContext();
        var notes = await db.Revisions.OrderBy(r => r.Number).Select(r => r.Note).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Imported from summaries/2021/04-one.md", "Imported from summaries/2021/04-one.md"], notes);
    }

    [Fact]
    public async Task A_file_that_changes_its_own_month_and_slug_moves_its_summary_instead_of_adding_another()
    {
        content.WriteSummary("2021-04", "first-slug");
        await database.ImportAsync(content.Root);

        content.Write("summaries/2021/04-first-slug.md", TestContent.SummaryText("2021-05", "second-slug"));
        var report = await database.ImportAsync(content.Root);

        Assert.Equal((0, 1), (report.Added, report.Updated));
        await using var db = database.NewContext();
        var only = await db.Summaries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("2021-05", "second-slug"), (only.Month, only.Slug));
    }

    [Fact]
    public async Task A_summary_moved_on_the_web_is_not_imported_again_from_its_file()
    {
        content.WriteSummary("2021-04", "one");
        await database.ImportAsync(content.Root);
        await using (var db = database.NewContext())
        {
            var web = await db.Summaries.SingleAsync(TestContext.Current.CancellationToken);
            (web.Month, web.Slug, web.EditedOnWeb) = ("2021-06", "renamed-on-the-web", true);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        content.WriteSummary("2021-04", "one", body: "The file changed too.");
        var report = await database.ImportAsync(content.Root);

        Assert.Equal(0, report.Added);
        Assert.Equal(["summaries/2021/04-one.md"], report.Conflicts);
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Summaries.CountAsync(TestContext.Current.CancellationToken));
    }
}
