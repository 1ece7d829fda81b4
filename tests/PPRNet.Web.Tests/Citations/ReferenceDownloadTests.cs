using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Citations;

[Collection(PublicSiteCollection.Name)]
public sealed class ReferenceDownloadTests(PublicSite fixture)
{
    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string url)
    {
        var response = await fixture.Site.Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ris_for_a_summary_with_a_doi_has_every_field_and_the_doi()
    {
        var (response, text) = await GetAsync("/blog/2021/04/mindful-empathy/cite.ris");

        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mindful-empathy.ris", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(
            "TY  - JOUR\r\nAU  - Cooper, D.\r\nAU  - Yap, K.\r\nAU  - O'Brien, M.\r\nAU  - Scott, I.\r\nPY  - 2020\r\n" +
            "TI  - Mindfulness and empathy\r\nT2  - Mindfulness\r\nJO  - Mindfulness\r\n" +
            "VL  - 11\r\nIS  - 10\r\nSP  - 2243\r\nEP  - 2257\r\n" +
            "DO  - 10.1007/s12671-020-01425-3\r\nUR  - https://doi.org/10.1007/s12671-020-01425-3\r\nER  - \r\n", text);
    }

    [Fact]
    public async Task Ris_without_a_doi_links_to_the_summary_instead()
    {
        var (_, text) = await GetAsync("/blog/2021/04/alliance-voices/cite.ris");

        Assert.DoesNotContain("DO  -", text, StringComparison.Ordinal);
        Assert.Contains("UR  - http://localhost/blog/2021/04/alliance-voices\r\n", text, StringComparison.Ordinal);
        Assert.Contains("AU  - Author, A.\r\nPY  - 2020\r\nTI  - A study of things\r\nT2  - Journal of Studies\r\n", text,
            StringComparison.Ordinal);
        Assert.Contains("VL  - 1\r\nIS  - 2\r\nSP  - 3\r\nEP  - 4\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bibtex_for_a_summary_with_a_doi_has_every_field()
    {
        var (response, text) = await GetAsync("/blog/2021/04/mindful-empathy/cite.bib");

        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mindful-empathy.bib", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("""
            @article{cooper2020mindfulness,
              author = {Cooper, D. and Yap, K. and O'Brien, M. and Scott, I.},
              title = {{Mindfulness and empathy}},
              journal = {Mindfulness},
              year = {2020},
              volume = {11},
              number = {10},
              pages = {2243--2257},
              doi = {10.1007/s12671-020-01425-3},
              url = {https://doi.org/10.1007/s12671-020-01425-3},
            }

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public async Task Bibtex_without_a_doi_has_no_doi_field()
    {
        var (_, text) = await GetAsync("/blog/2021/04/alliance-voices/cite.bib");

        Assert.StartsWith("@article{author2020study,\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("doi =", text, StringComparison.Ordinal);
        Assert.Contains("  url = {http://localhost/blog/2021/04/alliance-voices},\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/blog/2021/04/secret-draft/cite.ris")]
    [InlineData("/blog/2030/01/future-summary/cite.bib")]
    [InlineData("/blog/2021/04/nope/cite.bib")]
    public async Task Drafts_scheduled_and_unknown_summaries_have_no_reference_download(string url)
    {
        var (response, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_summary_page_offers_the_tools_and_highwire_tags()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        Assert.Equal("/blog/2021/04/mindful-empathy/cite.ris", page.Href(".cite-actions a[href$='.ris']"));
        Assert.Equal("/blog/2021/04/mindful-empathy/cite.bib", page.Href(".cite-actions a[href$='.bib']"));
        Assert.True(page.Element(".copy-button").HasAttribute("hidden")); // shown only by JavaScript
        Assert.Contains("Cooper, D., Yap, K.", page.Text("#apa-citation"), StringComparison.Ordinal);
        Assert.Equal("mailto:author@example.org?subject=Reprint%20request%3A%20Mindfulness%20and%20Empathy%20in%20Therapists",
            page.Href(".reprint-request"));
        string Meta(string name) => string.Join("|", page.QuerySelectorAll($"meta[name={name}]").Select(m => m.GetAttribute("content")));
        Assert.Equal("Mindfulness and empathy", Meta("citation_title"));
        Assert.Equal("Cooper, D.|Yap, K.|O'Brien, M.|Scott, I.", Meta("citation_author"));
        Assert.Equal(("2020", "Mindfulness", "11", "10", "2243", "2257", "10.1007/s12671-020-01425-3"),
            (Meta("citation_publication_date"), Meta("citation_journal_title"), Meta("citation_volume"), Meta("citation_issue"),
             Meta("citation_firstpage"), Meta("citation_lastpage"), Meta("citation_doi")));
        Assert.Equal("1 min read", page.Text(".reading-time"));
    }
}
