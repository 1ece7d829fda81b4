using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Import;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class ImportConflictTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task A_file_import_keeps_the_web_edit_and_shows_the_conflict_on_the_dashboard()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (_, dashboard) = await editor.GetAsync("/admin?q=Imported%20Alliance");
        var editUrl = dashboard.Href(".data-table td a");
        await editor.SubmitAsync(editUrl, "form.summary-form", new() { ["Form.Body"] = "Edited on the web." }, button: "intent=save");
        var file = Path.Combine(fixture.ContentRoot, "summaries/2021/03-imported-alliance.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
            .Replace("A plain-language account", "A file-side account", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        ImportReport report;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
                .ImportAsync(fixture.ContentRoot, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["summaries/2021/03-imported-alliance.md"], report.Conflicts);
        Assert.Equal("Edited on the web.", (await Site.GetPageAsync("/blog/2021/03/imported-alliance")).Html.Text(".summary-body p"));
        var (_, withConflict) = await editor.GetAsync("/admin");
        var link = withConflict.Element("#conflicts-heading + p + ul a");
        Assert.Equal("summaries/2021/03-imported-alliance.md", link.Text());

        var (_, conflictPage) = await editor.GetAsync(link.GetAttribute("href")!);
        Assert.Contains("+A file-side account of the study and its **key figures**.", conflictPage.Texts(".diff-added"));
        Assert.Contains("−Edited on the web.", conflictPage.Texts(".diff-removed"));
        var (resolved, _) = await editor.SubmitAsync(conflictPage, "form[action$='/resolve']", []);

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.False((await editor.GetAsync("/admin")).Html.Has("#conflicts-heading"));
    }
}
