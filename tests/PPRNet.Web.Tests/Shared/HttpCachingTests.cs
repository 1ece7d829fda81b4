using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>HTTP caching for the web's own caches: every public response type carries its lifetimes,
/// a strong ETag and Last-Modified, answers 304 to either validator, and is compressed when asked;
/// nothing personal is ever marked public.</summary>
public sealed class HttpCachingTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private BlogSite site = null!;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "cached-empathy", new Dictionary<string, string?>
        {
            ["title"] = "\"Cached Empathy\"",
            ["doi"] = "\"10.1037/a0022187\"",
        });
        content.WriteSummary("2021-04", "cached-alliance", new Dictionary<string, string?> { ["title"] = "\"Cached Alliance\"" });
        site = new BlogSite(content.Root);
        await site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    public static TheoryData<string> PublicResponses() =>
    [
        "/", "/blog", "/blog?topic=empathy", "/blog/2021/04", "/blog/2021/04/cached-empathy", "/blog/months", "/topics",
        "/search?q=empathy", "/feeds/all.rss", "/feeds/all.atom", "/sitemap.xml", "/robots.txt",
        "/blog/2021/04/cached-empathy/cite.ris", "/blog/2021/04/cached-empathy/cite.bib", "/reading-effect-sizes",
        "/certainty-of-evidence",
    ];

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        return await site.Browser().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(PublicResponses))]
    public async Task A_public_response_has_lifetimes_validators_and_answers_304_to_either_validator(string path)
    {
        var first = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cacheControl = first.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        Assert.Equal(TimeSpan.FromDays(1), cacheControl.SharedMaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "60");
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-if-error" && e.Value == "86400");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        Assert.Contains(PPRNet.Web.Shared.CacheTags.All, first.Headers.GetValues("xkey").Single().Split(' '));
        Assert.Equal(first.Headers.GetValues("xkey").Single(), first.Headers.GetValues("Surrogate-Key").Single());

        var byTag = await GetAsync(path, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, byTag.Headers.ETag);

        var byDate = await GetAsync(path, h => h.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        var changed = await GetAsync(path, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_is_compressed_when_asked_with_its_own_etag_and_the_same_bytes_inside(string coding)
    {
        var plain = await GetAsync("/blog/2021/04/cached-empathy");
        var packed = await GetAsync("/blog/2021/04/cached-empathy", h => h.AcceptEncoding.ParseAdd($"{coding}, deflate"));

        Assert.Null(plain.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal(coding, packed.Content.Headers.ContentEncoding.Single());
        Assert.NotEqual(plain.Headers.ETag, packed.Headers.ETag);
        var packedBytes = await packed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(packedBytes.Length * 2 < plainBytes.Length, $"{packedBytes.Length} bytes compressed from {plainBytes.Length}");
        using var unpacked = new MemoryStream();
        await using (Stream stream = coding == "br"
            ? new BrotliStream(new MemoryStream(packedBytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(packedBytes), CompressionMode.Decompress))
        {
            await stream.CopyToAsync(unpacked, TestContext.Current.CancellationToken);
        }

        Assert.Equal(plainBytes, unpacked.ToArray());
        // The compressed copy is kept too: asked again, the same bytes and the same ETag.
        var again = await GetAsync("/blog/2021/04/cached-empathy", h => h.AcceptEncoding.ParseAdd(coding));
        Assert.Equal(packed.Headers.ETag, again.Headers.ETag);
        Assert.Equal(packedBytes, await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The response is buffered in pooled blocks to be hashed; a long page spans several,
    /// and a change near its end must still change its ETag.</summary>
    [Fact]
    public async Task A_long_page_is_sent_whole_with_an_etag_of_all_its_bytes()
    {
        var paragraph = string.Concat(Enumerable.Repeat("The alliance was rated by clients and by therapists. ", 40));
        using var own = new TestContent();
        own.WriteSummary("2021-05", "long-account", new Dictionary<string, string?> { ["title"] = "\"Long Account\"" },
            body: string.Join("\n\n", Enumerable.Repeat(paragraph, 40)), implications: "Ask about the alliance early.");
        await using var longSite = new BlogSite(own.Root);

        var response = await longSite.Browser().GetAsync("/blog/2021/05/long-account", TestContext.Current.CancellationToken);

        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 80_000, $"{bytes.Length} bytes");
        Assert.Equal(response.Content.Headers.ContentLength, bytes.Length);
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("Ask about the alliance early.", html, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        Assert.Equal($"\"{hash}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_signed_in_editor_gets_public_pages_as_private_uncompressed_and_without_validators()
    {
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/blog/2021/04/cached-empathy");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await editor.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.CacheControl?.Public);
        Assert.Null(response.Headers.ETag);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.False(response.Headers.Contains("xkey"));
    }

    [Theory]
    [InlineData("/subscribe")]
    [InlineData("/admin/sign-in")]
    public async Task A_page_with_a_form_token_or_a_cookie_is_never_public(string path)
    {
        var response = await GetAsync(path, h => h.AcceptEncoding.ParseAdd("br"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: {response.Headers.CacheControl}");
        Assert.False(response.Headers.CacheControl?.Public);
        Assert.Null(response.Headers.ETag);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_page_carries_the_tags_it_is_evicted_by_for_the_caches_outside()
    {
        var response = await GetAsync("/blog/2021/04/cached-empathy");

        var tags = response.Headers.GetValues("xkey").Single().Split(' ');
        Assert.Contains(tags, t => t.StartsWith("page:", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.StartsWith("summary:", StringComparison.Ordinal));
    }
}
