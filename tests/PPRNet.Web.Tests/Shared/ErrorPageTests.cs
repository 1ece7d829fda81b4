using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>Error pages render whatever the failed request carried.</summary>
[Collection(PublicSiteCollection.Name)]
public sealed class ErrorPageTests(PublicSite fixture)
{
    private async Task<(HttpStatusCode Status, string Heading)> PostAsync(string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await fixture.Site.Browser()
            .PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, page.Text("h1"));
    }

    [Theory]
    [InlineData("/blog", "code=%00&%00=x", HttpStatusCode.MethodNotAllowed)]
    [InlineData("/error/404", "code=500%00", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", "a=%00", HttpStatusCode.NotFound)]
    public async Task A_post_with_a_nul_gets_its_error_page(string url, string body, HttpStatusCode expected)
    {
        var (status, heading) = await PostAsync(url, body);

        Assert.Equal(expected, status);
        Assert.Equal(expected == HttpStatusCode.NotFound ? "Page not found" : "That address cannot take this request", heading);
    }

    [Fact]
    public async Task A_form_value_over_the_form_limit_gets_a_400_page_not_a_500()
    {
        // Read before antiforgery or binding can see it, and refused as unreadable.
        var (status, heading) = await PostAsync("/admin/sign-in",
            "Form.Email=a%40example.org&Form.Password=" + new string('x', 5 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("That form could not be read", heading);
    }
}
