using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

/// <summary>Nothing is lost: concurrent edits meet a conflict page, every save is a revision that
/// can be compared and restored, and deleting goes to a trash.</summary>
public sealed class HistoryTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    private static async Task<string> CreateAsync(Browser editor, string title, string month)
    {
        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed(title, month), button: "intent=save");
        return saved.Headers.Location!.OriginalString; // /admin/summaries/{id}/edit
    }

    [Fact]
    public async Task Fifty_pairs_of_simultaneous_saves_each_give_one_save_and_one_conflict_page_and_no_500()
    {
        var first = await Site.SignedInAsync(BlogSite.EditorEmail);
        var second = await Site.SignedInAsync(BlogSite.SecondEditorEmail);
        var editUrl = await CreateAsync(first, "Simultaneous Saves", "2020-05");

        for (var round = 0; round < 50; round++)
        {
            var (_, firstForm) = await first.GetAsync(editUrl);
            var (_, secondForm) = await second.GetAsync(editUrl);
            var saves = await Task.WhenAll(
                first.SubmitAsync(firstForm, "form.summary-form", new() { ["Form.Body"] = $"First editor, round {round}." },
                    button: "intent=save"),
                second.SubmitAsync(secondForm, "form.summary-form", new() { ["Form.Body"] = $"Second editor, round {round}." },
                    button: "intent=save"));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], saves.Select(s => s.Response.StatusCode).Order());
            var loser = saves.Single(s => s.Response.StatusCode == HttpStatusCode.OK).Html;
            Assert.Equal("Someone else saved this summary while you were editing", loser.Text("h1"));
            Assert.EndsWith($"editor, round {round}.", loser.Value("#Form_Body"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_a_conflict_page_with_both_versions_and_loses_nothing()
    {
        var first = await Site.SignedInAsync(BlogSite.EditorEmail);
        var second = await Site.SignedInAsync(BlogSite.SecondEditorEmail);
        var editUrl = await CreateAsync(first, "Concurrent Original", "2020-06");
        var (_, firstForm) = await first.GetAsync(editUrl);
        var (_, secondForm) = await second.GetAsync(editUrl);

        var (firstSave, _) = await first.SubmitAsync(firstForm, "form.summary-form",
            new() { ["Form.Body"] = "The first editor's words." }, button: "intent=save");
        var (conflict, page) = await second.SubmitAsync(secondForm, "form.summary-form",
            new() { ["Form.Body"] = "The second editor's words." }, button: "intent=save");

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Equal("Someone else saved this summary while you were editing", page.Text("h1"));
        Assert.Contains(BlogSite.EditorEmail, page.Text(".form-error"), StringComparison.Ordinal);
        Assert.Equal("The second editor's words.", page.Value("#Form_Body"));
        Assert.Contains("The first editor's words.", page.Text(".versions section:first-child pre"), StringComparison.Ordinal);
        Assert.Contains("+The second editor's words.", page.Texts(".diff-added"));
        Assert.Contains("−The first editor's words.", page.Texts(".diff-removed"));
        var (_, stored) = await first.GetAsync(editUrl);
        Assert.Equal("The first editor's words.", stored.Value("#Form_Body"));

        var (merged, _) = await second.SubmitAsync(page, "form.summary-form",
            new() { ["Form.Body"] = "The first editor's words. The second editor's words." }, button: "intent=save");
        var (_, after) = await first.GetAsync(editUrl);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("The first editor's words. The second editor's words.", after.Value("#Form_Body"));
    }

    [Fact]
    public async Task Every_save_is_a_revision_and_restoring_the_first_is_itself_a_new_revision()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var editUrl = await CreateAsync(editor, "Revision One Title", "2020-07");
        await editor.SubmitAsync(editUrl, "form.summary-form",
            new() { ["Form.Title"] = "Revision Two Title", ["Form.Slug"] = "revision-one-title" }, button: "intent=save");
        await editor.SubmitAsync(editUrl, "form.summary-form",
            new() { ["Form.Title"] = "Revision Three Title", ["Form.Slug"] = "revision-one-title" }, button: "intent=save");
        var historyUrl = editUrl.Replace("/edit", "/history", StringComparison.Ordinal);

        var (_, history) = await editor.GetAsync(historyUrl);
        Assert.Equal(["3", "2", "1"], history.Texts(".data-table tbody td:first-child"));
        Assert.Equal(["Edited", "Edited", "Created"], history.Texts(".data-table tbody td:nth-child(4)"));
        Assert.All(history.Texts(".data-table tbody td:nth-child(3)"), by => Assert.Equal(BlogSite.EditorEmail, by));

        var (_, diff) = await editor.GetAsync(historyUrl.Replace("/history", "/diff?from=1&to=3", StringComparison.Ordinal));
        Assert.Contains("−title: \"Revision One Title\"", diff.Texts(".diff-removed"));
        Assert.Contains("+title: \"Revision Three Title\"", diff.Texts(".diff-added"));

        var (restored, _) = await editor.SubmitAsync(history, "form[action$='/revisions/1/restore']", []);
        var (_, edit) = await editor.FollowAsync(restored);
        Assert.Equal("Revision One Title", edit.Value("#Form_Title"));
        Assert.Equal("Restored revision 1 of \"Revision One Title\".", edit.Text(".flash"));
        var (_, after) = await editor.GetAsync(historyUrl);
        Assert.Equal(["4", "3", "2", "1"], after.Texts(".data-table tbody td:first-child"));
        Assert.Equal("Restored revision 1", after.Text(".data-table tbody td:nth-child(4)"));
        Assert.Equal("Revision One Title", (await Site.GetPageAsync("/blog/2020/07/revision-one-title")).Html.Text("h1"));
    }

    [Fact]
    public async Task A_deleted_summary_goes_to_the_trash_leaves_the_blog_and_can_be_restored()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var editUrl = await CreateAsync(editor, "Trash Me Softly", "2020-08");
        var (_, edit) = await editor.GetAsync(editUrl);

        var (deleted, _) = await editor.SubmitAsync(edit, "form.danger-zone", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Site.GetPageAsync("/blog/2020/08/trash-me-softly")).Response.StatusCode);
        Assert.DoesNotContain("Trash Me Softly", (await editor.GetAsync("/admin")).Html.Texts(".data-table td a"));
        var (_, trash) = await editor.GetAsync("/admin/trash");
        Assert.Contains("Trash Me Softly", trash.Texts(".data-table td:first-child"));
        Assert.False(trash.Has("form[action$='/purge']")); // editors cannot purge

        var id = editUrl.Split('/')[3];
        var (restored, _) = await editor.SubmitAsync(trash, $"form[action='/admin/trash/{id}/restore']", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Site.GetPageAsync("/blog/2020/08/trash-me-softly")).Response.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_can_purge_the_trash()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var editUrl = await CreateAsync(editor, "Purge Me", "2020-09");
        var id = editUrl.Split('/')[3];
        await editor.SubmitAsync(editUrl, "form.danger-zone", []);
        var (_, editorTrash) = await editor.GetAsync("/admin/trash");
        var token = editorTrash.Element("input[name=__RequestVerificationToken]").GetAttribute("value")!;

        var forbidden = await editor.PostRawAsync($"/admin/trash/{id}/purge", new() { ["__RequestVerificationToken"] = token });
        var (purged, _) = await admin.SubmitAsync("/admin/trash", $"form[action='/admin/trash/{id}/purge']", []);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.DoesNotContain("Purge Me", (await admin.GetAsync("/admin/trash")).Html.Texts(".data-table td:first-child"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(editUrl)).Response.StatusCode);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_with_its_user()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var editUrl = await CreateAsync(editor, "Audited Summary", "2020-10");
        await editor.SubmitAsync(editUrl, "form.summary-form", new() { ["Form.Effect"] = "d = 0.5" }, button: "intent=save");
        await editor.SubmitAsync(editUrl, "form.danger-zone", []);
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);

        var (_, audit) = await admin.GetAsync("/admin/audit");

        var rows = audit.QuerySelectorAll(".data-table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList())
            .Where(cells => cells[3] == "Audited Summary")
            .Select(cells => (cells[1], cells[2])).ToList();
        Assert.Equal([
            (BlogSite.EditorEmail, "delete"),
            (BlogSite.EditorEmail, "edit"),
            (BlogSite.EditorEmail, "publish"),
            (BlogSite.EditorEmail, "create"),
        ], rows);
        Assert.Contains((BlogSite.AdminEmail, "sign-in"), audit.QuerySelectorAll(".data-table tbody tr")
            .Select(r => (r.Children[1].Text(), r.Children[2].Text())));
    }
}
