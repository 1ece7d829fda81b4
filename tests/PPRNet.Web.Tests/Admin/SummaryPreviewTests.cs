using System.Net;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.Admin.SummaryFormTests;

namespace PPRNet.Web.Tests.Admin;

/// <summary>The summary form's preview: what readers will see, before the form, saving nothing,
/// with the messages a save would give.</summary>
public sealed class SummaryPreviewTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

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
}
