using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Search;

public sealed class SearchSite : IAsyncLifetime
{
    private readonly TestContent content = new();

    public BlogSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "relapse-in-the-title", new Dictionary<string, string?>
        {
            ["title"] = "\"Relapse After Therapy Ends\"",
            ["topics"] = "[depression]",
        }, body: "Patients were followed for two years.", implications: "Plan booster sessions.");
        content.WriteSummary("2021-03", "relapse-in-the-body", new Dictionary<string, string?>
        {
            ["title"] = "\"Long Follow-Up of Group Treatment\"",
            ["topics"] = "[alliance]",
            ["research_type"] = "qualitative",
        }, body: "Few clients mentioned relapse once treatment ended.", implications: "Ask about the group.");
        content.WriteSummary("2021-02", "depression-trial", new Dictionary<string, string?>
        {
            ["title"] = "\"A Trial in Major Depression\"",
            ["topics"] = "[depression, training]",
            ["research_type"] = "randomized-controlled-trial",
        }, body: "Depression improved more with **supervised** therapists, including Zoë's clinic.", implications: "Supervision matters.");
        content.WriteSummary("2021-02", "draft-about-relapse", new Dictionary<string, string?>
        {
            ["title"] = "\"Relapse Draft Not For Readers\"",
            ["status"] = "draft",
        });
        for (var i = 0; i < 23; i++)
        {
            content.WriteSummary("2020-01", $"many-{i:D2}", new Dictionary<string, string?> { ["title"] = $"\"Empathy Study {i:D2}\"" });
        }

        Site = new BlogSite(content.Root);
        await Site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        content.Dispose();
    }
}

public sealed class SearchTests(SearchSite fixture) : IClassFixture<SearchSite>
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task A_title_match_outranks_a_body_match_and_drafts_never_appear()
    {
        var (response, page) = await Site.GetPageAsync("/search?q=relapse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Relapse After Therapy Ends", "Long Follow-Up of Group Treatment"], page.CardTitles());
        Assert.Contains("2 summaries match “relapse”", page.Text(".applied"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_show_title_month_citation_and_a_highlighted_snippet()
    {
        var (_, page) = await Site.GetPageAsync("/search?q=relapse");

        var second = page.QuerySelectorAll(".search-result")[1];
        Assert.Equal("March 2021 · Qualitative study", second.Text(".kicker"));
        Assert.Contains("Author, A. (2020)", second.Text(".citation"), StringComparison.Ordinal);
        Assert.Equal("<mark>relapse</mark>", second.QuerySelector(".snippet mark")?.OuterHtml);
        Assert.Contains("Few clients mentioned", second.Text(".snippet"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("depressive")]
    [InlineData("depress")]
    [InlineData("SUPERVISION")]
    [InlineData("zoe")]
    public async Task Stemming_prefixes_case_and_accents_find_the_summary(string query)
    {
        var (_, page) = await Site.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.Contains("A Trial in Major Depression", page.CardTitles());
    }

    [Fact]
    public async Task Search_combines_with_the_topic_and_type_filters()
    {
        var (_, topicOnly) = await Site.GetPageAsync("/search?q=relapse&topic=alliance");
        var (_, both) = await Site.GetPageAsync("/search?q=therapy&topic=depression&type=meta-analysis");
        var (_, none) = await Site.GetPageAsync("/search?q=relapse&type=randomized-controlled-trial");

        Assert.Equal(["Long Follow-Up of Group Treatment"], topicOnly.CardTitles());
        Assert.Equal(["Relapse After Therapy Ends"], both.CardTitles());
        Assert.Contains("No results for “relapse” with these filters.", none.Text(".no-results"), StringComparison.Ordinal);
        Assert.Equal("/search?q=relapse&topic=alliance&type=qualitative", topicOnly.Href(".filter-links a[href*='type=qualitative']"));
    }

    [Fact]
    public async Task Search_results_page_and_keep_the_query()
    {
        var (_, first) = await Site.GetPageAsync("/search?q=empathy");
        var (_, second) = await Site.GetPageAsync(first.Href(".pager a[rel=next]")!);

        Assert.Equal(20, first.CardTitles().Count);
        Assert.Equal("/search?q=empathy&page=2", first.Href(".pager a[rel=next]"));
        Assert.Equal(3, second.CardTitles().Count);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("relapse AND")]
    [InlineData("NEAR(relapse therapy)")]
    [InlineData("relapse*")]
    [InlineData("-relapse")]
    [InlineData("title:relapse")]
    [InlineData("OR NOT AND")]
    [InlineData("(((")]
    [InlineData("*")]
    [InlineData("💥🧠")]
    [InlineData("thérapie")]
    [InlineData("'; DROP TABLE Summaries; --")]
    public async Task Hostile_or_odd_queries_give_a_page_never_an_error(string query)
    {
        var (response, page) = await Site.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(page.CardTitles().Count > 0 || page.QuerySelector(".no-results") is not null, "results or a clear no-results message");
    }

    [Fact]
    public async Task Only_punctuation_says_a_word_is_needed()
    {
        var (response, page) = await Site.GetPageAsync("/search?q=" + Uri.EscapeDataString("?!.,;:*-\"()"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("No results: the search needs at least one word of letters or digits.", page.Text(".no-results"));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gets_a_page()
    {
        var query = string.Concat(Enumerable.Repeat("relapse ", 1250));

        var (response, page) = await Site.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Relapse After Therapy Ends", "Long Follow-Up of Group Treatment"], page.CardTitles());
    }

    [Fact]
    public async Task An_empty_query_shows_how_to_search()
    {
        var (response, page) = await Site.GetPageAsync("/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Type a word or two you remember", page.Text(".applied"), StringComparison.Ordinal);
        Assert.Equal("q", page.QuerySelector("#search-q")?.GetAttribute("name"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_its_header()
    {
        var (_, page) = await Site.GetPageAsync("/topics");

        var form = page.Element("header form[role=search]");
        Assert.Equal(("get", "/search"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.NotNull(page.QuerySelector($"label[for={form.Element("input[name=q]").Id}]"));
    }

    [Fact]
    public async Task The_index_follows_form_saves_and_the_trash()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            PPRNet.Web.Tests.Admin.SummaryFormTests.Typed("Xylophone Therapy Outcomes", "2021-01"), button: "intent=save");
        Assert.Equal(["Xylophone Therapy Outcomes"], (await Site.GetPageAsync("/search?q=xylophone")).Html.CardTitles());

        await editor.SubmitAsync(saved.Headers.Location!.OriginalString, "form.summary-form",
            new() { ["Form.Title"] = "Marimba Therapy Outcomes", ["Form.Slug"] = "xylophone-therapy-outcomes" }, button: "intent=save");
        Assert.Empty((await Site.GetPageAsync("/search?q=xylophone")).Html.CardTitles());
        Assert.Equal(["Marimba Therapy Outcomes"], (await Site.GetPageAsync("/search?q=marimba")).Html.CardTitles());

        await editor.SubmitAsync(saved.Headers.Location!.OriginalString, "form.danger-zone", []);
        Assert.Empty((await Site.GetPageAsync("/search?q=marimba")).Html.CardTitles());
    }
}
