using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>After a save commits, the tags it evicted are purged at every shared cache in
/// Cdn:PurgeUrls, and a cache that cannot be reached never fails the editor's save.</summary>
public sealed class CachePurgerTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task An_edit_purges_its_tags_at_every_configured_cache_and_an_unreachable_one_does_not_fail_the_save()
    {
        content.WriteSummary("2021-04", "to-be-edited", new Dictionary<string, string?> { ["title"] = "\"To Be Edited\"" });
        using var cache = new RecordingCache();
        await using var site = new BlogSite(content.Root, settings: new Dictionary<string, string?>
        {
            ["Cdn:PurgeUrls:0"] = cache.Url,
            ["Cdn:PurgeUrls:1"] = $"http://127.0.0.1:{AppServer.FreePort()}/", // nothing listens there
        });
        await site.AddStaffAsync();
        var summaryPage = await site.Browser().GetAsync(new Uri("/blog/2021/04/to-be-edited", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var id = summaryPage.Headers.GetValues("xkey").Single().Split(' ')
            .Single(t => t.StartsWith("page:", StringComparison.Ordinal))[5..];
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);

        var (saved, _) = await editor.SubmitAsync($"/admin/summaries/{id}/edit", "form.summary-form",
            new() { ["Form.Body"] = "New words." }, button: "intent=save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The first purge is the start-up import's (every page); the edit's follows.
        var purges = await Eventually.Async(() => cache.Purges.ToList(), p => p.Any(x => x.Keys.Contains($"summary:{id}",
            StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the edit's PURGE reaches the configured cache");
        var (method, keys) = purges.Single(x => x.Keys.Contains($"summary:{id}", StringComparison.Ordinal));
        Assert.Equal("PURGE", method);
        var tags = keys.Split(' ');
        Assert.Contains($"summary:{id}", tags);
        Assert.DoesNotContain("public-pages", tags);
        Assert.DoesNotContain("structure", tags);
    }
}
