using System.Globalization;
using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

/// <summary>The whole journey of the editors' desk issue, as an editor would take it.</summary>
public sealed class EditorJourneyTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task Add_preview_publish_see_it_on_the_home_page_edit_twice_and_restore_the_first_version()
    {
        content.WriteSummary("2021-04", "older-summary");
        await using var site = new BlogSite(content.Root);
        await site.AddStaffAsync();
        var month = site.Clock.Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var monthPath = month.Replace('-', '/');
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var typed = SummaryFormTests.Typed("Fresh Findings on the Alliance", month,
            ("Form.Topics", new[] { "alliance", "empathy" }), ("Form.ResearchType", "meta-analysis"));

        var (previewed, preview) = await admin.SubmitAsync("/admin/summaries/new", "form.summary-form", typed, button: "intent=preview");
        Assert.Equal("Fresh Findings on the Alliance", preview.Text(".preview h1"));
        var (published, _) = await admin.SubmitAsync(preview, "form.summary-form", [], button: "intent=save");
        var editUrl = published.Headers.Location!.OriginalString;

        var (_, home) = await site.GetPageAsync("/");
        Assert.Equal(["Fresh Findings on the Alliance"], home.CardTitles());
        Assert.Equal(["Fresh Findings on the Alliance"],
            (await site.GetPageAsync("/blog?topic=alliance&type=meta-analysis")).Html.CardTitles());
        Assert.Equal(["Fresh Findings on the Alliance", "Summary older-summary"],
            (await site.GetPageAsync("/blog?topic=empathy")).Html.CardTitles());

        await admin.SubmitAsync(editUrl, "form.summary-form", new() { ["Form.Title"] = "Second Title" }, button: "intent=save");
        await admin.SubmitAsync(editUrl, "form.summary-form", new() { ["Form.Title"] = "Third Title" }, button: "intent=save");
        Assert.Equal("Third Title", (await site.GetPageAsync($"/blog/{monthPath}/fresh-findings-on-the-alliance")).Html.Text("h1"));

        var historyUrl = editUrl.Replace("/edit", "/history", StringComparison.Ordinal);
        var (restored, _) = await admin.SubmitAsync(historyUrl, "form[action$='/revisions/1/restore']", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var (_, fresh) = await site.GetPageAsync($"/blog/{monthPath}/fresh-findings-on-the-alliance");
        Assert.Equal("Fresh Findings on the Alliance", fresh.Text("h1"));
        Assert.Equal(["4", "3", "2", "1"], (await admin.GetAsync(historyUrl)).Html.Texts(".data-table tbody td:first-child"));
    }
}
