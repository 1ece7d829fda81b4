using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

[Collection(PublicSiteCollection.Name)]
public sealed class SecurityHeadersTests(PublicSite fixture)
{
    private BlogSite Site => fixture.Site;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await Site.Browser().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private async Task<string> StylesheetUrlAsync()
    {
        var (_, page) = await Site.GetPageAsync("/");
        return page.Element("link[rel=stylesheet]").GetAttribute("href")!;
    }

    public static TheoryData<string> Kinds => new() { "public", "error", "admin", "static" };

    private async Task<HttpResponseMessage> ResponseOfKindAsync(string kind) => kind switch
    {
        "public" => await SendAsync(HttpMethod.Get, "/"),
        "error" => await SendAsync(HttpMethod.Get, "/blog/1999/01/no-such-summary"),
        "admin" => await SendAsync(HttpMethod.Get, "/admin/sign-in"),
        _ => await SendAsync(HttpMethod.Get, await StylesheetUrlAsync()),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_of_response_carries_the_security_headers_and_no_server_header(string kind)
    {
        var response = await ResponseOfKindAsync(kind);

        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'",
            "object-src 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("", Header(response, "Server"));
    }

    [Fact]
    public async Task Admin_pages_and_health_probes_are_never_stored_and_public_pages_may_be()
    {
        Assert.Contains("no-store", Header(await SendAsync(HttpMethod.Get, "/admin/sign-in"), "Cache-Control"), StringComparison.Ordinal);
        Assert.Contains("no-store", Header(await SendAsync(HttpMethod.Get, "/healthz"), "Cache-Control"), StringComparison.Ordinal);
        Assert.Contains("no-store", Header(await SendAsync(HttpMethod.Get, "/readyz"), "Cache-Control"), StringComparison.Ordinal);
        Assert.DoesNotContain("no-store", Header(await SendAsync(HttpMethod.Get, "/blog"), "Cache-Control"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_fingerprinted_compressed_and_cached_for_good()
    {
        var url = await StylesheetUrlAsync();
        var response = await SendAsync(HttpMethod.Get, url, "gzip, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", url);
        Assert.Equal("max-age=31536000, immutable", Header(response, "Cache-Control"));
        Assert.Contains(Header(response, "Content-Encoding"), new[] { "gzip", "br" });
        Assert.NotEqual("", Header(response, "ETag"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/blog/2021/04/mindful-empathy")]
    [InlineData("/feeds/all.rss")]
    [InlineData("/healthz")]
    public async Task Head_is_answered_wherever_get_is(string url)
    {
        var response = await SendAsync(HttpMethod.Head, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_probes_answer_when_the_database_is_migrated()
    {
        var alive = await SendAsync(HttpMethod.Get, "/healthz");
        var ready = await SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal((HttpStatusCode.OK, "Healthy"),
            (alive.StatusCode, await alive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((HttpStatusCode.OK, "Healthy"),
            (ready.StatusCode, await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}
