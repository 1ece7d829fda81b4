using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.Admin.SummaryFormTests;

namespace PPRNet.Web.Tests.Admin;

/// <summary>A refused summary form: each problem beside its field and listed at the top, all at
/// once, with everything the editor typed still in the form.</summary>
public sealed class SummaryFormValidationTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

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
}
