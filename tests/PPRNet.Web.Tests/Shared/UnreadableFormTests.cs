using System.Net;
using System.Text;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>A body the server cannot read (a NUL byte, broken multipart, too many fields, a value
/// over the limit) sent to any form is a 400 page saying what was wrong, never a 500.</summary>
public sealed class UnreadableFormTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private BlogSite site = null!;

    public static TheoryData<string, string> PublicFormsAndBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "/subscribe", "/subscribe/", "/subscribe/confirm", "/subscribe/manage", "/subscribe/unsubscribe",
            "/subscribe/preferences-link", "/admin/sign-in" })
        {
            foreach (var body in new[] { "nul", "broken-multipart", "1025-fields", "5-mb-value" })
            {
                data.Add(form, body);
            }
        }

        return data;
    }

    public async ValueTask InitializeAsync()
    {
        site = new BlogSite(content.Root);
        await site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    [Theory]
    [MemberData(nameof(PublicFormsAndBodies))]
    public async Task A_body_that_cannot_be_read_gets_a_400_page_not_a_500(string form, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, form) { Content = Body(body) };

        var response = await site.Browser().SendAsync(request, TestContext.Current.CancellationToken);
        var page = new AngleSharp.Html.Parser.HtmlParser()
            .ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That form could not be read", page.Text("h1"));
        var said = page.Text("main");
        Assert.True(said.Contains(Expected(body), StringComparison.Ordinal), said);
    }

    [Fact]
    public async Task An_editor_form_with_too_many_fields_gets_the_same_400_page()
    {
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        var (_, form) = await editor.GetAsync("/admin/summaries/new");
        var token = form.Element("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var fields = Enumerable.Range(0, 1025).Select(i => new KeyValuePair<string, string>($"f{i}", "1"))
            .Prepend(new("__RequestVerificationToken", token));

        var response = await editor.Client.PostAsync(new Uri("/admin/summaries/new", UriKind.Relative), new FormUrlEncodedContent(fields),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 1,024 fields", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    private static string Expected(string body) => body switch
    {
        "broken-multipart" => "The form was cut off or malformed",
        "1025-fields" => "more than 1,024 fields",
        "5-mb-value" => "a field longer than",
        _ => "characters that no field accepts",
    };

    private static HttpContent Body(string kind)
    {
        const string field = "Form.Email";
        switch (kind)
        {
            case "nul":
                return new StringContent($"{field}=a%00b&token=x%00y", Encoding.ASCII, "application/x-www-form-urlencoded");
            case "broken-multipart":
                var broken = new StringContent($"--XYZ\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\nreader@exa",
                    Encoding.ASCII);
                broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
                return broken;
            case "1025-fields":
                return new StringContent(string.Join('&', Enumerable.Range(0, 1025).Select(i => $"f{i}=1")), Encoding.ASCII,
                    "application/x-www-form-urlencoded");
            default:
                return new StringContent($"{field}=" + new string('a', 5 * 1024 * 1024), Encoding.ASCII,
                    "application/x-www-form-urlencoded");
        }
    }
}
