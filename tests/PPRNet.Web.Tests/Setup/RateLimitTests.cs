using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>A site whose limits are set low, as an operator could in RateLimits.</summary>
public sealed class LowLimitSite(
    string contentPath, int signInPerAddress, int search, int posts = 100, int subscribe = 100) : BlogSite(contentPath)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["RateLimits:SignInPerAddress:PermitLimit"] = signInPerAddress.ToString(
                System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:SubscribePerAddress:PermitLimit"] = subscribe.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:SearchPerAddress:PermitLimit"] = search.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:PostPerAddress:PermitLimit"] = posts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }
}

public sealed class RateLimitTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private static void AssertTooMany(HttpResponseMessage response, AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Too many requests", page.Text("h1"));
    }

    [Fact]
    public async Task Searches_past_the_limit_get_a_429_page_with_retry_after()
    {
        await using var site = new LowLimitSite(content.Root, 100, search: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync($"/search?q=word{i}")).Response.StatusCode);
        }

        var (response, page) = await site.GetPageAsync("/search?q=one-too-many");
        AssertTooMany(response, page);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/blog")).Response.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_past_the_limit_per_address_get_a_429_page()
    {
        await using var site = new LowLimitSite(content.Root, signInPerAddress: 2, 100);
        var browser = site.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
                new() { ["Form.Email"] = $"guess{i}@example.org", ["Form.Password"] = "a wrong password" });
        }

        var (response, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = "guess@example.org", ["Form.Password"] = "a wrong password" });
        AssertTooMany(response, page);
    }

    [Fact]
    public async Task Every_spelling_of_search_the_router_accepts_counts_against_the_one_search_limit()
    {
        await using var site = new LowLimitSite(content.Root, 100, search: 3);
        var client = site.Browser();

        foreach (var url in new[] { "/search/?q=slash", "/SEARCH?q=upper" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken))
                .StatusCode);
        }

        using var head = new HttpRequestMessage(HttpMethod.Head, "/Search/?q=head");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(head, TestContext.Current.CancellationToken)).StatusCode);
        var (response, page) = await site.GetPageAsync("/search?q=plain");
        AssertTooMany(response, page);
    }

    [Fact]
    public async Task Every_spelling_of_the_sign_in_address_counts_against_the_one_sign_in_limit()
    {
        await using var site = new LowLimitSite(content.Root, signInPerAddress: 2, 100);
        var browser = site.Anonymous();
        Dictionary<string, object?> guess = new() { ["Form.Email"] = "guess@example.org", ["Form.Password"] = "a wrong password" };

        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitToAsync("/admin/sign-in", "form.stacked-form", "/admin/sign-in/", guess))
            .Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitToAsync("/admin/sign-in", "form.stacked-form", "/ADMIN/Sign-In", guess))
            .Response.StatusCode);
        var (response, page) = await browser.SubmitToAsync("/admin/sign-in", "form.stacked-form", "/admin/sign-in/", guess);
        AssertTooMany(response, page);
    }

    [Fact]
    public async Task Every_spelling_of_the_subscribe_address_counts_against_the_one_subscribe_limit()
    {
        await using var site = new LowLimitSite(content.Root, 100, 100, subscribe: 2);
        var browser = site.Anonymous();

        var first = await browser.PostRawAsync("/subscribe/", new() { ["Form.Email"] = "first@example.org" });
        var second = await browser.PostRawAsync("/SUBSCRIBE", new() { ["Form.Email"] = "second@example.org" });
        var third = await browser.PostRawAsync("/Subscribe/", new() { ["Form.Email"] = "third@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PPRNet.Web.Data.BlogDbContext>().Subscribers.Select(s => s.Email)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["first@example.org", "second@example.org"], stored.Order());
    }

    [Fact]
    public async Task Asking_for_a_new_preferences_link_counts_against_the_subscribe_limit_of_the_address()
    {
        await using var site = new LowLimitSite(content.Root, 100, 100, subscribe: 2);
        var browser = site.Anonymous();

        var subscribed = await browser.PostRawAsync("/subscribe", new() { ["Form.Email"] = "reader@example.org" });
        var (asked, _) = await browser.SubmitAsync("/subscribe/preferences-link", "form.preferences-link-form",
            new() { ["Form.Email"] = "reader@example.org" });
        var (response, page) = await browser.SubmitAsync("/subscribe/preferences-link/", "form.preferences-link-form",
            new() { ["Form.Email"] = "reader@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        AssertTooMany(response, page);
    }

    [Fact]
    public async Task Anonymous_posts_past_the_limit_get_a_429_page_before_anything_reads_them()
    {
        await using var site = new LowLimitSite(content.Root, 100, 100, posts: 2);
        var browser = site.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await browser.PostRawAsync("/blog", new() { ["q"] = "x" })).StatusCode);
        }

        var response = await browser.PostRawAsync("/admin/summaries/new", new() { ["Form.Title"] = "x" });
        var page = new AngleSharp.Html.Parser.HtmlParser()
            .ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertTooMany(response, page);
    }
}
