using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>Varnish in front of the app, configured by deploy/varnish.vcl: what it keeps, what the
/// app's purges take out of it after an edit, and what it must never keep.</summary>
public sealed class VarnishTests(VarnishFront front) : IClassFixture<VarnishFront>
{
    private const string Edited = "/blog/2015/03/combined-treatment-for-depression";
    private const string Untouched = "/blog/2019/01/group-cohesion";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        prepare?.Invoke(request);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private static string CacheOf(HttpResponseMessage response) => response.Headers.GetValues("X-Cache").Single();

    private async Task<Browser> SignedInAsync()
    {
        var client = VarnishFront.Client(new CookieContainer());
        client.BaseAddress = new Uri(front.Address);
        var browser = new Browser(client);
        var (response, _) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = VarnishFront.Email, ["Form.Password"] = VarnishFront.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_second_request_is_a_hit_and_readers_never_see_the_cache_tags()
    {
        using var client = VarnishFront.Client();

        await GetAsync(client, front.Address + "/topics");
        var second = await GetAsync(client, front.Address + "/topics");

        Assert.Equal("HIT", CacheOf(second));
        Assert.False(second.Headers.Contains("xkey"));
        Assert.False(second.Headers.Contains("Surrogate-Key"));
    }

    [Fact]
    public async Task An_edit_purges_that_summary_and_the_pages_listing_it_while_an_untouched_summary_stays_a_hit()
    {
        using var client = VarnishFront.Client();
        var listing = new[] { Edited, "/blog/2015/03", "/blog", "/sitemap.xml" };
        foreach (var url in listing.Append(Untouched))
        {
            await GetAsync(client, front.Address + url);
            var again = await GetAsync(client, front.Address + url);
            Assert.True(CacheOf(again) == "HIT", $"{url}: {again.StatusCode} {again.Headers.CacheControl} {again.Headers.Vary}");
        }

        // The summary's id, from the tags the app gives Varnish.
        var direct = await GetAsync(client, front.App!.LocalUrl + Edited);
        var id = direct.Headers.GetValues("xkey").Single().Split(' ').Single(t => t.StartsWith("page:", StringComparison.Ordinal))[5..];
        var untouchedTags = (await GetAsync(client, front.App!.LocalUrl + Untouched)).Headers.GetValues("xkey").Single().Split(' ');
        Assert.DoesNotContain($"summary:{id}", untouchedTags); // it neither links to nor lists the edited summary
        var editor = await SignedInAsync();
        var (saved, _) = await editor.SubmitAsync($"/admin/summaries/{id}/edit", "form.summary-form",
            new() { ["Form.Body"] = "Edited through Varnish: a sentence no cached copy has." }, button: "intent=save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await Eventually.Async(
            async () => CacheOf(await GetAsync(client, front.Address + Edited)) == "MISS",
            TimeSpan.FromSeconds(10), "the edited summary is purged from Varnish");
        var page = await GetAsync(client, front.Address + Edited);
        Assert.Contains("a sentence no cached copy has", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        foreach (var url in listing.Skip(1))
        {
            Assert.True(CacheOf(await GetAsync(client, front.Address + url)) == "MISS", $"{url} should have been purged");
        }

        Assert.Equal("HIT", CacheOf(await GetAsync(client, front.Address + Untouched)));
    }

    [Fact]
    public async Task A_signed_in_editor_and_a_post_are_never_served_from_or_stored_in_varnish()
    {
        var editor = await SignedInAsync();
        var (first, _) = await editor.GetAsync("/blog/2019/09");
        var (second, _) = await editor.GetAsync("/blog/2019/09");
        Assert.Equal("MISS", CacheOf(first));
        Assert.Equal("MISS", CacheOf(second));
        Assert.True(second.Headers.CacheControl?.NoStore);

        using var client = VarnishFront.Client();
        for (var i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(front.Address + "/subscribe"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Email"] = "x@example.org" }),
            };
            var response = await client.SendAsync(post, TestContext.Current.CancellationToken);
            Assert.Equal("MISS", CacheOf(response));
        }

        // The admin's own pages are never kept either.
        Assert.Equal("MISS", CacheOf((await editor.GetAsync("/admin")).Response));
        Assert.Equal("MISS", CacheOf((await editor.GetAsync("/admin")).Response));
    }

    [Fact]
    public async Task A_conditional_request_through_varnish_gets_304()
    {
        using var client = VarnishFront.Client();
        var page = await GetAsync(client, front.Address + "/blog/2019/02");

        var again = await GetAsync(client, front.Address + "/blog/2019/02", r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Brotli_and_gzip_from_the_app_reach_readers_through_varnish_each_kept_apart()
    {
        using var client = VarnishFront.Client();
        var url = front.Address + "/blog/2019/09";

        // Each twice, so the second of each comes from Varnish's own copy for that coding.
        HttpResponseMessage brotli = null!, gzip = null!, plain = null!;
        for (var i = 0; i < 2; i++)
        {
            brotli = await GetAsync(client, url, r => r.Headers.Add("Accept-Encoding", "gzip, deflate, br"));
            gzip = await GetAsync(client, url, r => r.Headers.Add("Accept-Encoding", "gzip"));
            plain = await GetAsync(client, url);
        }

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.All(new[] { brotli, gzip, plain }, response => Assert.Equal("HIT", CacheOf(response)));
        var page = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("September 2019", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_app_may_purge_and_only_by_tag()
    {
        using var client = VarnishFront.Client();
        using var untagged = new HttpRequestMessage(new HttpMethod("PURGE"), new Uri(front.Address + "/"));

        var response = await client.SendAsync(untagged, TestContext.Current.CancellationToken);

        // From loopback, where the app is, a purge without tags is refused as malformed.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Grace: with the app stopped, Varnish still serves what it has. Its own site, as it stops the app.</summary>
public sealed class VarnishGraceTests(VarnishFront front) : IClassFixture<VarnishFront>
{
    [Fact]
    public async Task With_the_app_stopped_varnish_still_serves_a_cached_page()
    {
        using var client = VarnishFront.Client();
        var url = new Uri(front.Address + "/blog/2019/05");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);

        await front.App!.StopAsync(kill: true);

        var stale = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("May 2019", await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
