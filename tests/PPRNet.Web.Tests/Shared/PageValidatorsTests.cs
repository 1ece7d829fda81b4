using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Import;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>Validators outlive the pages in the output cache: a page it dropped (here: every page,
/// as none fits under 1 KiB) is still answered 304 without being rendered, until a change to what
/// it shows; and a page rendered again to the same bytes keeps its Last-Modified.</summary>
public sealed class PageValidatorsTests : IAsyncLifetime
{
    private const string Url = "/blog/2021/04/kept-validators";

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "kept-validators", new Dictionary<string, string?> { ["title"] = "\"Kept Validators\"" });
        site = new BlogSite(content.Root, settings: new Dictionary<string, string?> { ["OutputCache:MaxPageKiB"] = "1" });
        // Midday, so no test here crosses midnight, where every page's validators lapse.
        site.Clock.Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        headers?.Invoke(request.Headers);
        return await site.Browser().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_page_the_output_cache_did_not_keep_is_answered_304_without_being_rendered()
    {
        var first = await GetAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (etag, lastModified) = (first.Headers.ETag!, first.Content.Headers.LastModified);
        using var recorder = new SqlRecorder(site.DatabasePath);
        site.Server.PreserveExecutionContext = true;
        using (recorder.Watch())
        {
            await GetAsync();
        }

        Assert.NotEmpty(recorder.Commands);
        recorder.Clear();
        HttpResponseMessage byTag, byDate;
        using (recorder.Watch())
        {
            byTag = await GetAsync(h => h.IfNoneMatch.Add(etag));
            byDate = await GetAsync(h => h.IfModifiedSince = lastModified);
        }

        Assert.Equal((HttpStatusCode.NotModified, HttpStatusCode.NotModified), (byTag.StatusCode, byDate.StatusCode));
        Assert.Empty(recorder.Commands);
        Assert.False(byTag.Headers.Contains("Age"), "not from the output cache, which kept no page");
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.True(byTag.Headers.CacheControl!.Public);
        Assert.Equal(first.Headers.GetValues("xkey"), byTag.Headers.GetValues("xkey"));
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task After_a_change_to_the_page_its_old_validator_gets_the_new_page()
    {
        var first = await GetAsync();
        content.WriteSummary("2021-04", "kept-validators", new Dictionary<string, string?> { ["title"] = "\"Validators Renewed\"" });
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
                .ImportAsync(content.Root, TestContext.Current.CancellationToken);
            Assert.Equal(1, report.Updated);
        }

        var again = await GetAsync(h => h.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEqual(first.Headers.ETag, again.Headers.ETag);
        Assert.Contains("Validators Renewed", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_rendered_again_to_the_same_bytes_keeps_the_time_they_were_first_sent()
    {
        var first = await GetAsync();
        site.Clock.Now += TimeSpan.FromMinutes(3);

        var again = await GetAsync();

        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Content.Headers.LastModified, again.Content.Headers.LastModified);
        Assert.Equal(site.Clock.Now - TimeSpan.FromMinutes(3), again.Content.Headers.LastModified);
    }
}
