using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

/// <summary>Summaries written through the editors' form: stored as an import would store them,
/// listed and shown to readers by status and date. <see cref="Typed"/> is the form as an editor fills it.</summary>
public sealed class SummaryFormTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    public static Dictionary<string, object?> Typed(string title, string month, params (string Key, object? Value)[] overrides)
    {
        var typed = new Dictionary<string, object?>
        {
            ["Form.Title"] = title,
            ["Form.Month"] = month,
            ["Form.Slug"] = "",
            ["Form.ResearchType"] = "randomized-controlled-trial",
            ["Form.Topics"] = new[] { "depression", "training" },
            ["Form.Citation"] = "Someone, A. (2024). A trial of something. *Journal of Trials, 3*(1), 1–10.",
            ["Form.Doi"] = "https://doi.org/10.1000/xyz123",
            ["Form.AuthorEmail"] = "someone@example.org",
            ["Form.Studies"] = "1",
            ["Form.Participants"] = "240",
            ["Form.Effect"] = "",
            ["Form.EffectStatistic"] = "d",
            ["Form.EffectValue"] = "0.41",
            ["Form.EffectCiLow"] = "0.2",
            ["Form.EffectCiHigh"] = "0.6",
            ["Form.BottomLine"] = "One trial found fewer relapses; a single trial is a first signal, not proof.",
            ["Form.Body"] = "The trial found **fewer relapses**.",
            ["Form.Implications"] = "- Offer it to clients who ask.",
            ["Form.Status"] = "Published",
            ["Form.PublishedOn"] = "",
        };
        foreach (var (key, value) in overrides)
        {
            typed[key] = value;
        }

        return typed;
    }

    [Fact]
    public async Task A_summary_created_through_the_form_appears_on_the_blog_under_its_topics_and_type()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Relapse Prevention in a Trial", "2021-02"), button: "intent=save");
        var (_, edit) = await editor.FollowAsync(saved);

        Assert.Matches(@"^/admin/summaries/\d+/edit$", saved.Headers.Location?.OriginalString);
        Assert.Equal("Created \"Relapse Prevention in a Trial\".", edit.Text(".flash"));
        var (_, filtered) = await Site.GetPageAsync("/blog?topic=depression&type=randomized-controlled-trial");
        Assert.Contains("Relapse Prevention in a Trial", filtered.CardTitles());
        Assert.DoesNotContain("Imported Empathy Summary", filtered.CardTitles());
        var (_, trainingPage) = await Site.GetPageAsync("/blog?topic=training");
        Assert.Contains("Relapse Prevention in a Trial", trainingPage.CardTitles());
        var (response, page) = await Site.GetPageAsync("/blog/2021/02/relapse-prevention-in-a-trial");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The trial found fewer relapses.", page.Text(".summary-body p"));
        Assert.Equal("https://doi.org/10.1000/xyz123", page.Href(".doi a"));
        Assert.Equal("<li>Offer it to clients who ask.</li>", page.QuerySelector(".implications li")?.OuterHtml);
    }

    [Fact]
    public async Task A_summary_from_the_form_is_stored_exactly_like_one_imported_from_markdown()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Same Save Path", "2021-01", ("Form.Body", "A plain-language account of the study and its **key figures**."),
                ("Form.Implications", "What a practising clinician might do differently."),
                ("Form.Citation", "Author, A. (2020). A study of things. *Journal of Studies, 1*(2), 3–4.")), button: "intent=save");

        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var fromForm = await db.Summaries.SingleAsync(s => s.Slug == "same-save-path", TestContext.Current.CancellationToken);
        var fromFile = await db.Summaries.SingleAsync(s => s.Slug == "imported-empathy", TestContext.Current.CancellationToken);
        Assert.Equal(fromFile.BodyHtml, fromForm.BodyHtml);
        Assert.Equal(fromFile.ImplicationsHtml, fromForm.ImplicationsHtml);
        Assert.Equal(fromFile.CitationHtml, fromForm.CitationHtml);
        Assert.Equal(fromFile.Excerpt, fromForm.Excerpt);
        Assert.Equal(["Author, A."], fromForm.CitationAuthors);
        Assert.Equal(fromFile.CitationAuthors, fromForm.CitationAuthors);
        Assert.Equal(
            (fromFile.CitationYear, fromFile.CitationTitle, fromFile.CitationJournal, fromFile.CitationVolume, fromFile.CitationIssue),
            (fromForm.CitationYear, fromForm.CitationTitle, fromForm.CitationJournal, fromForm.CitationVolume, fromForm.CitationIssue));
        Assert.Equal(("3", "4"), (fromForm.CitationFirstPage, fromForm.CitationLastPage));
    }

    [Fact]
    public async Task A_scheduled_summary_stays_hidden_until_its_publish_date()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var start = Site.Clock.Now;
        var date = DateOnly.FromDateTime(start.UtcDateTime).AddDays(10);
        try
        {
            await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
                Typed("Scheduled Through The Form", "2021-02", ("Form.PublishedOn", date.ToString("yyyy-MM-dd"))), button: "intent=save");

            Assert.DoesNotContain("Scheduled Through The Form",
                (await Site.GetPageAsync("/blog?type=randomized-controlled-trial")).Html.CardTitles());
            Assert.Equal(HttpStatusCode.NotFound,
                (await Site.GetPageAsync("/blog/2021/02/scheduled-through-the-form")).Response.StatusCode);
            var (_, dashboard) = await editor.GetAsync("/admin?state=scheduled");
            Assert.Contains("Scheduled Through The Form", dashboard.Texts(".data-table td a"));

            Site.Clock.Now = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

            Assert.Contains("Scheduled Through The Form",
                (await Site.GetPageAsync("/blog?type=randomized-controlled-trial")).Html.CardTitles());
            Assert.Equal(HttpStatusCode.OK, (await Site.GetPageAsync("/blog/2021/02/scheduled-through-the-form")).Response.StatusCode);
        }
        finally
        {
            Site.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_draft_is_listed_for_editors_but_not_shown_to_readers()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Still A Draft", "2021-02", ("Form.Status", "Draft")), button: "intent=save");

        var (_, drafts) = await editor.GetAsync("/admin?state=draft");
        Assert.Contains("Still A Draft", drafts.Texts(".data-table td a"));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.GetPageAsync("/blog/2021/02/still-a-draft")).Response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_filters_by_month_and_searches_titles()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, byMonth) = await editor.GetAsync("/admin?month=2021-03");
        var (_, bySearch) = await editor.GetAsync("/admin?q=EMPATHY%20sum");
        var (_, wildcard) = await editor.GetAsync("/admin?q=%25");

        Assert.Equal(["Imported Alliance Summary"], byMonth.Texts(".data-table td a"));
        Assert.Equal(["Imported Empathy Summary"], bySearch.Texts(".data-table td a"));
        Assert.Empty(wildcard.Texts(".data-table td a"));
        Assert.Contains("by content import", bySearch.Text(".data-table tbody td:last-child"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_intro_edited_on_the_web_shows_on_that_months_page()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (saved, _) = await editor.SubmitAsync("/admin/months/2021-03/intro", "form.stacked-form",
            new() { ["Form.Markdown"] = "This month I look at *what clients say*." }, button: "intent=save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, month) = await Site.GetPageAsync("/blog/2021/03");
        Assert.Equal("<em>what clients say</em>", month.QuerySelector(".intro em")?.OuterHtml);
    }

    [Fact]
    public async Task Saving_a_summary_someone_else_trashed_keeps_the_editors_text_on_screen()
    {
        var first = await Site.SignedInAsync(BlogSite.EditorEmail);
        var second = await Site.SignedInAsync(BlogSite.SecondEditorEmail);
        var (saved, _) = await first.SubmitAsync("/admin/summaries/new", "form.summary-form", Typed("Trashed While Editing", "2020-11"),
            button: "intent=save");
        var editUrl = saved.Headers.Location!.OriginalString;
        var (_, form) = await second.GetAsync(editUrl);
        await first.SubmitAsync(editUrl, "form.danger-zone", []);

        var (response, page) = await second.SubmitAsync(form, "form.summary-form", new() { ["Form.Body"] = "Words worth keeping." },
            button: "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Someone moved this summary to the trash", page.Text(".error-summary li"), StringComparison.Ordinal);
        Assert.Equal("Words worth keeping.", page.Value("#Form_Body"));
    }

    [Fact]
    public async Task Editing_a_published_summary_dates_the_change_for_readers()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Dated After An Edit", "2020-05", ("Form.PublishedOn", "2020-05-01")), button: "intent=save");
        var editUrl = saved.Headers.Location!.OriginalString;
        var (_, before) = await Site.GetPageAsync("/blog/2020/05/dated-after-an-edit");
        Assert.False(before.Has(".revised"));

        await editor.SubmitAsync(editUrl, "form.summary-form", new() { ["Form.Body"] = "A corrected account." }, button: "intent=save");

        var (_, after) = await Site.GetPageAsync("/blog/2020/05/dated-after-an-edit");
        Assert.StartsWith("Updated on ", after.Text(".revised"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certainty_rating_set_in_the_form_shows_under_the_bottom_line_and_comes_back_into_the_form()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Trusted Somewhat", "2020-07", ("Form.CertaintyLevel", "moderate"), ("Form.CertaintyReasons", new[] { "imprecision" }),
                ("Form.CertaintyNote", "One trial of 240 clients.")), button: "intent=save");
        var (_, edit) = await editor.FollowAsync(saved);

        Assert.Equal("moderate", edit.Element("#Form_CertaintyLevel option[selected]").GetAttribute("value"));
        Assert.True(edit.Element("input[name='Form.CertaintyReasons'][value=imprecision]").HasAttribute("checked"));
        Assert.Equal("One trial of 240 clients.", edit.Element("#Form_CertaintyNote").TextContent.Trim());
        var (_, page) = await Site.GetPageAsync("/blog/2020/07/trusted-somewhat");
        Assert.StartsWith("Moderate certainty.", page.Text(".certainty p"), StringComparison.Ordinal);
        Assert.Equal("One trial of 240 clients.", page.Text(".certainty-note"));
    }

    [Fact]
    public async Task After_saving_a_published_summary_the_editor_can_go_to_it_on_the_site_and_a_draft_has_no_such_link()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Out In The World", "2020-08"), button: "intent=save");
        var (_, edit) = await editor.FollowAsync(saved);
        var (draftSaved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Still Private", "2020-08", ("Form.Status", "Draft")), button: "intent=save");
        var (_, draft) = await editor.FollowAsync(draftSaved);

        Assert.Equal("/blog/2020/08/out-in-the-world", edit.Href(".view-on-site"));
        Assert.Equal(HttpStatusCode.OK, (await Site.GetPageAsync(edit.Href(".view-on-site"))).Response.StatusCode);
        Assert.False(draft.Has(".view-on-site"));
    }
}
