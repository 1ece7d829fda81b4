using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

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
    public async Task Preview_shows_what_readers_will_see_and_saves_nothing()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Only A Preview", "2021-02"), button: "intent=preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = page.Element(".preview");
        Assert.Equal("Only A Preview", preview.Text("h1"));
        Assert.Equal("<strong>fewer relapses</strong>", preview.QuerySelector(".summary-body strong")?.OuterHtml);
        Assert.Contains("Offer it to clients who ask.", preview.Text("section.implications"), StringComparison.Ordinal);
        Assert.Equal("Only A Preview", page.Value("#Form_Title"));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.GetPageAsync("/blog/2021/02/only-a-preview")).Response.StatusCode);
    }

    [Theory]
    [InlineData("Form.Title", "", "Form.Title", "Enter the title readers will see.")]
    [InlineData("Form.Month", "April 2021", "Form.Month", "Write the month as YYYY-MM, for example 2021-04.")]
    [InlineData("Form.Doi", "doi please", "Form.Doi", "A DOI looks like 10.1037/pst0000175 (a doi.org address is fine too).")]
    [InlineData("Form.AuthorEmail", "not-an-email", "Form.AuthorEmail",
        "Enter an email address such as name@university.edu, or leave it empty.")]
    [InlineData("Form.Citation", "", "Form.Citation", "Enter the paper's APA citation.")]
    [InlineData("Form.Implications", "", "Form.Implications", "Write the Practice Implications.")]
    [InlineData("Form.Slug", "Not A Slug!", "Form.Slug",
        "Use lowercase letters, digits and single hyphens, for example mindfulness-and-empathy.")]
    [InlineData("Form.Studies", "many", "Form.Studies", "The value 'many' is not valid for Number of studies (k).")]
    [InlineData("Form.BottomLine", "", "Form.BottomLine",
        "Write the bottom line: one to three sentences on what was found and how far to trust it.")]
    [InlineData("Form.EffectValue", "large", "Form.EffectValue", "Enter the effect as a number, such as 0.28 or -0.39.")]
    [InlineData("Form.EffectCiHigh", "0.1", "Form.EffectCiLow", "The confidence interval must contain the value (lower end first).")]
    public async Task Each_invalid_field_gets_its_message_beside_it_and_every_typed_value_stays(
        string field, string value, string errorField, string message)
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var typed = Typed("Kept Title", "2021-02", (field, value));
        if (field == "Form.Title")
        {
            typed["Form.Slug"] = "kept-slug";
        }

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form", typed, button: "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.ErrorFor(errorField));
        Assert.Equal(value, page.Value($"#{field.Replace('.', '_')}"));
        Assert.Equal("The trial found **fewer relapses**.", page.Value("#Form_Body"));
        Assert.Equal(field == "Form.AuthorEmail" ? value : "someone@example.org", page.Value("#Form_AuthorEmail"));
        Assert.Equal(["depression", "training"],
            page.QuerySelectorAll("input[name='Form.Topics'][checked]").Select(c => c.GetAttribute("value")));
        Assert.Equal("randomized-controlled-trial", page.QuerySelector("#Form_ResearchType option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_summary_needs_at_least_one_topic()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("No Topics", "2021-02", ("Form.Topics", Array.Empty<string>())), button: "intent=save");

        Assert.Equal("Choose at least one topic.", page.ErrorFor("Form.Topics"));
    }

    [Fact]
    public async Task A_slug_already_used_in_that_month_is_refused_beside_the_slug()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Another Empathy Summary", "2021-04", ("Form.Slug", "imported-empathy")), button: "intent=save");

        Assert.StartsWith("Another summary in April 2021 already uses \"imported-empathy\"", page.ErrorFor("Form.Slug"),
            StringComparison.Ordinal);
        Assert.Equal("Another Empathy Summary", page.Value("#Form_Title"));
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
    public async Task Every_problem_is_shown_at_once_not_in_rounds()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("", "April", ("Form.Doi", "nope"), ("Form.AuthorEmail", "nobody"), ("Form.Topics", Array.Empty<string>())),
            button: "intent=save");

        Assert.Equal("Enter the title readers will see.", page.ErrorFor("Form.Title"));
        Assert.Equal("Write the month as YYYY-MM, for example 2021-04.", page.ErrorFor("Form.Month"));
        Assert.StartsWith("A DOI looks like", page.ErrorFor("Form.Doi"), StringComparison.Ordinal);
        Assert.StartsWith("Enter an email address", page.ErrorFor("Form.AuthorEmail"), StringComparison.Ordinal);
        Assert.Equal("Choose at least one topic.", page.ErrorFor("Form.Topics"));
    }

    [Fact]
    public async Task A_hand_made_post_with_a_blank_topic_gets_a_message_not_an_error_page()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Blank Topic Post", "2021-02", ("Form.Topics", new[] { "", " " })), button: "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose at least one topic.", page.ErrorFor("Form.Topics"));
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
    public async Task A_refused_form_lists_every_problem_at_the_top_linked_to_its_field_and_marks_the_fields_for_screen_readers()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("", "2021-02", ("Form.Doi", "nope"), ("Form.BottomLine", "")), button: "intent=save");

        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var summary = page.Element(".error-summary");
        Assert.True(summary.HasAttribute("data-focus-on-load"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        var links = summary.QuerySelectorAll("li a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Enter the title readers will see.", "#Form_Title"), links);
        Assert.Contains(("A DOI looks like 10.1037/pst0000175 (a doi.org address is fine too).", "#Form_Doi"), links);
        Assert.Contains(links, l => l.Item2 == "#Form_BottomLine");
        foreach (var (_, href) in links)
        {
            var field = page.Element(href!);
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var described = field.GetAttribute("aria-describedby")!.Split(' ');
            Assert.Contains(described, id => page.GetElementById(id)?.TextContent.Trim().Length > 0
                && page.GetElementById(id)!.ClassList.Contains("field-error"));
        }

        Assert.Null(page.Element("#Form_Citation").GetAttribute("aria-invalid"));
        Assert.True(page.Element("#Form_Citation").HasAttribute("required"));
        Assert.True(page.Element("#Form_Title").HasAttribute("required"));
        Assert.False(page.Element("#Form_Doi").HasAttribute("required"));
        Assert.Null(page.Element("#Form_Month").GetAttribute("placeholder"));
    }

    [Fact]
    public async Task The_preview_comes_before_the_form_and_takes_the_focus_and_counts_words_as_a_save_does()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Previewed Then Saved", "2021-02", ("Form.Limitations", "Only one trial.")), button: "intent=preview");

        var preview = page.Element("section.preview");
        Assert.True(preview.HasAttribute("data-focus-on-load"));
        Assert.True(preview.CompareDocumentPosition(page.Element("form.summary-form")).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal("One trial found fewer relapses; a single trial is a first signal, not proof.", preview.Text(".bottom-line p"));
        Assert.Contains("d = 0.41, 95% CI [0.20, 0.60]: an effect between small and medium by Cohen's conventions",
            preview.Text(".facts").Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("Only one trial.", preview.Text(".limitations p"));
        var previewMinutes = preview.Text(".reading-time");

        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Previewed Then Saved", "2021-02", ("Form.Limitations", "Only one trial.")), button: "intent=save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, published) = await Site.GetPageAsync("/blog/2021/02/previewed-then-saved");
        Assert.Equal(previewMinutes, published.Text(".reading-time"));
        Assert.Equal(preview.Element("article.summary").QuerySelectorAll("section").Select(s => s.ClassName),
            published.Element("article.summary").QuerySelectorAll("section").Select(s => s.ClassName));
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
    public async Task A_draft_with_required_fields_still_empty_is_previewed_with_the_messages_save_would_give()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            new() { ["Form.Title"] = "Half Written", ["Form.Body"] = "Some words so far." }, button: "intent=preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Half Written", page.Text("section.preview h1"));
        Assert.Equal("Write the Practice Implications.", page.ErrorFor("Form.Implications"));
        Assert.Equal("Half Written", page.Value("#Form_Title"));
    }

    [Fact]
    public async Task The_preview_names_an_invalid_doi_and_an_impossible_r_beside_their_fields_and_renders_the_rest()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Previewed With Mistakes", "2021-02", ("Form.Doi", "not-a-doi"), ("Form.EffectStatistic", "r"),
                ("Form.EffectValue", "1.4"), ("Form.EffectCiLow", ""), ("Form.EffectCiHigh", ""),
                ("Form.Body", "Browsers send line breaks\r\nas CR LF.")), button: "intent=preview");

        Assert.Equal("Previewed With Mistakes", page.Text("section.preview h1"));
        Assert.StartsWith("A DOI looks like", page.ErrorFor("Form.Doi"), StringComparison.Ordinal);
        Assert.NotEqual("", page.ErrorFor("Form.EffectValue"));
        Assert.False(page.Has("section.preview .doi"));
        Assert.Equal("not-a-doi", page.Value("#Form_Doi"));
        // HTML forbids a character reference to CR, which MVC would write back into the textarea.
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("&#xD;", html, StringComparison.Ordinal);
        Assert.Equal("Browsers send line breaks\nas CR LF.", page.Element("#Form_Body").TextContent.TrimStart('\n'));
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
    public async Task A_rating_without_its_reason_is_refused_beside_the_note_and_the_rest_of_the_form_is_kept()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (refused, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            Typed("Trusted Without Reason", "2021-03", ("Form.CertaintyLevel", "low"), ("Form.CertaintyNote", "")),
            button: "intent=save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Say in a sentence or two why", page.Text("#certainty-note-error"), StringComparison.Ordinal);
        Assert.Equal("low", page.Element("#Form_CertaintyLevel option[selected]").GetAttribute("value"));
        Assert.Equal("Trusted Without Reason", page.Element("#Form_Title").GetAttribute("value"));
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
