using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class ContentLimitsFormTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    private static readonly string DeepList = string.Concat(Enumerable.Repeat("- ", 2_000)) + "too deep";

    [Theory]
    [InlineData("intent=save")]
    [InlineData("intent=preview")]
    public async Task A_2000_level_list_gets_a_message_beside_the_field_and_the_typed_text_stays(string button)
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("Deep List", "2021-02", ("Form.Body", DeepList)), button);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The summary nests quotes (>) or lists more than 32 levels deep; flatten it (line 1).", page.ErrorFor("Form.Body"));
        Assert.Equal(DeepList, page.Value("#Form_Body"));
        Assert.False(page.Has(".preview"));
    }

    [Fact]
    public async Task Implications_over_100_KB_and_too_many_topics_are_refused_beside_their_fields()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var topics = Enumerable.Range(0, 13).Select(i => $"topic-{i}").ToArray();

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("Too Long", "2021-02", ("Form.Implications", new string('x', 100_001)), ("Form.Topics", topics)),
            "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("The Practice Implications is 100,001 characters long; the limit is 100,000", page.ErrorFor("Form.Implications"),
            StringComparison.Ordinal);
        Assert.Contains("Choose at most 12 topics.", page.ErrorFor("Form.Topics"), StringComparison.Ordinal);
    }

    /// <summary>The form's length limits are the importer's (<c>ContentLimits</c>), and each message
    /// names the limit it enforces.</summary>
    [Theory]
    [InlineData("Form.Title", 300, "Keep the title under 300 characters.")]
    [InlineData("Form.Contributor", 200, "Keep the contributor's name under 200 characters.")]
    [InlineData("Form.EffectOutcome", 200, "Keep the outcome under 200 characters.")]
    [InlineData("Form.Effect", 300, "Keep the other figures under 300 characters.")]
    [InlineData("Form.BottomLine", 600, "Keep the bottom line to one to three sentences (under 600 characters).")]
    [InlineData("Form.Citation", 2000, "The field APA citation must be a string with a maximum length of 2000.")]
    public async Task Text_one_character_over_a_limit_is_refused_with_the_limit_in_the_message(string field, int limit, string message)
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var typed = SummaryFormTests.Typed("Over A Limit", "2021-02", (field, new string('x', limit + 1)));
        typed["Form.Slug"] = "over-a-limit";

        var (response, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form", typed, "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.ErrorFor(field));
    }

    [Fact]
    public async Task A_deeply_nested_month_intro_is_refused_beside_the_field()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.SubmitAsync("/admin/months/2021-04/intro", "form.stacked-form",
            new() { ["Form.Markdown"] = DeepList }, "intent=preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("The intro nests quotes (>) or lists more than 32 levels deep", page.ErrorFor("Form.Markdown"),
            StringComparison.Ordinal);
    }
}
