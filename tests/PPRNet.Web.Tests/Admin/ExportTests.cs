using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class ExportTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task One_summary_downloads_as_a_markdown_file_in_the_content_format()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (_, dashboard) = await editor.GetAsync("/admin?q=Imported%20Empathy");
        var id = dashboard.Href(".data-table td a").Split('/')[3];

        var response = await editor.Client.GetAsync(new Uri($"/admin/export/summaries/{id}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("04-imported-empathy.md",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith(
            "---\ntitle: \"Imported Empathy Summary\"\nmonth: 2021-04\nslug: imported-empathy\n" +
            "research_type: meta-analysis\ntopics: [empathy]\n",
            text, StringComparison.Ordinal);
        Assert.Contains("\ndoi: \"10.1037/pst0000175\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\n## Practice Implications\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_downloads_as_a_zip_of_that_months_files()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var response = await editor.Client.GetAsync(new Uri("/admin/export/months/2021-04", UriKind.Relative),
            TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("issues/2021-04.md", zip.Entries.Select(e => e.FullName));
        Assert.Contains("summaries/2021/04-imported-empathy.md", zip.Entries.Select(e => e.FullName));
        Assert.DoesNotContain("summaries/2021/03-imported-alliance.md", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Importing_the_whole_archive_export_into_an_empty_database_reproduces_every_summary()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("Round \"Trip\": Ünïcode — and Quotes", "2019-12", ("Form.Status", "Draft"),
                ("Form.Body", "Line one with a colon: here.\n\n> A quote\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                ("Form.PublishedOn", "2019-12-15")), button: "intent=save");
        var response = await editor.Client.GetAsync(new Uri("/admin/export/archive", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var content = new TestContent(withTaxonomy: false);
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)))
        {
            zip.ExtractToDirectory(content.Root);
        }

        using var copy = new TestDatabase();
        var report = await copy.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var original = Site.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var source = await Snapshot(original.ServiceProvider.GetRequiredService<BlogDbContext>());
        await using var imported = copy.NewContext();
        var target = await Snapshot(imported);
        Assert.Equal(source.Count, report.Added - (await imported.MonthIssues.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(source, target);
    }

    [Fact]
    public async Task An_exported_taxonomy_keeps_every_french_name_and_imports_to_the_same_terms()
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var (added, _) = await admin.SubmitAsync("/admin/taxonomy", "form[action='/admin/taxonomy/topics/add']",
            new() { ["name"] = "Exported \"Quoted\" Topic", ["nameFr"] = "Sujet « exporté » : l'essentiel", ["slug"] = "exported" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var response = await admin.Client.GetAsync(new Uri("/admin/export/archive", UriKind.Relative),
            TestContext.Current.CancellationToken);
        using var content = new TestContent(withTaxonomy: false);
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)))
        {
            zip.ExtractToDirectory(content.Root);
        }

        using var copy = new TestDatabase();
        var report = await copy.ImportAsync(content.Root);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var original = Site.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var source = await Terms(original.ServiceProvider.GetRequiredService<BlogDbContext>());
        await using var imported = copy.NewContext();
        Assert.Contains("topic exported: Exported \"Quoted\" Topic / Sujet « exporté » : l'essentiel", source);
        Assert.Equal(source, await Terms(imported));
    }

    private static async Task<List<string>> Terms(BlogDbContext db)
    {
        var topics = await db.Topics.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var types = await db.ResearchTypes.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return topics.Select(t => $"topic {t.Slug}: {t.Name} / {t.NameFr}")
            .Concat(types.Select(t => $"type {t.Slug}: {t.Name} / {t.NameFr}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> Snapshot(BlogDbContext db)
    {
        var summaries = await db.Summaries.AsNoTracking().NotTrashed().Include(s => s.Topics).Include(s => s.ResearchType)
            .OrderBy(s => s.Month).ThenBy(s => s.Slug).ToListAsync(TestContext.Current.CancellationToken);
        return summaries.Select(s => string.Join("|", s.Month, s.Slug, s.Title, s.CitationMarkdown, s.CitationHtml, s.Doi, s.AuthorEmail,
            s.Status, s.PublishedOn, s.Studies, s.Participants, s.Effect, s.ResearchType.Slug,
            string.Join(",", s.Topics.Select(t => t.Slug).Order()), s.BodyMarkdown, s.BodyHtml, s.ImplicationsMarkdown, s.ImplicationsHtml,
            s.Excerpt))
            .ToList();
    }
}
