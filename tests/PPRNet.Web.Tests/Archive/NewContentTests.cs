using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Import;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

public sealed class NewContentTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task A_file_added_after_start_up_appears_on_the_next_import_in_its_month_and_filters()
    {
        content.WriteSummary("2021-04", "first");
        await using var site = new BlogSite(content.Root);
        Assert.Empty((await site.GetPageAsync("/blog?topic=alliance&type=qualitative")).Html.CardTitles());

        content.WriteSummary("2021-05", "newly-added", new Dictionary<string, string?>
        {
            ["title"] = "\"A Newly Added Summary\"",
            ["research_type"] = "qualitative",
            ["topics"] = "[alliance]",
        });
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
                .ImportAsync(content.Root, TestContext.Current.CancellationToken);
            Assert.Equal((1, 1), (report.Added, report.Unchanged));
        }

        Assert.Equal(["A Newly Added Summary"], (await site.GetPageAsync("/blog?topic=alliance&type=qualitative")).Html.CardTitles());
        Assert.Equal("May 2021", (await site.GetPageAsync("/")).Html.Text("h1"));
        Assert.Equal(["A Newly Added Summary"], (await site.GetPageAsync("/blog/2021/05")).Html.CardTitles());
    }

    [Fact]
    public async Task A_broken_file_at_start_up_does_not_stop_the_site_or_the_other_files()
    {
        content.WriteSummary("2021-04", "good");
        content.Write("summaries/2021/04-broken.md", "---\ntitle: [unclosed\n---\nno implications");
        await using var site = new BlogSite(content.Root);

        var (_, page) = await site.GetPageAsync("/");

        Assert.Equal(["Summary good"], page.CardTitles());
    }
}
