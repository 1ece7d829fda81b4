using System.Net;
using PPRNet.Web.Admin;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class AccountsTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Html)> CreateAsync(
        string email, string role, string password)
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        return await admin.SubmitAsync("/admin/accounts", "form[action='/admin/accounts']",
            new() { ["Form.Email"] = email, ["Form.Role"] = role, ["Form.Password"] = password });
    }

    [Fact]
    public async Task A_new_account_is_created_and_listed()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var (created, _) = await CreateAsync(email, Roles.Editor, "a long first password");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, page) = await (await Site.SignedInAsync(BlogSite.AdminEmail)).GetAsync("/admin/accounts");
        Assert.Contains(email, page.Text("table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_email_is_refused_beside_the_email_field_and_the_typed_address_stays()
    {
        var (refused, page) = await CreateAsync("not an address", Roles.Editor, "a long first password");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("Enter the new editor's email address", page.Text("#email-error"), StringComparison.Ordinal);
        Assert.Equal("not an address", page.Element("#Form_Email").GetAttribute("value"));
        Assert.Equal("true", page.Element("#Form_Email").GetAttribute("aria-invalid"));
        Assert.Empty(page.Text("#password-error"));
        Assert.Equal("#Form_Email", page.Element("#error-summary a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_short_password_gets_identitys_own_reason_beside_the_password_and_is_not_sent_back()
    {
        var email = $"short-{Guid.NewGuid():N}@example.org";

        var (refused, page) = await CreateAsync(email, Roles.Admin, "short");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("at least 12 characters", page.Text("#password-error"), StringComparison.Ordinal);
        Assert.Equal(email, page.Element("#Form_Email").GetAttribute("value"));
        Assert.Equal(Roles.Admin, page.Element("#Form_Role option[selected]").GetAttribute("value"));
        Assert.Null(page.Element("#Form_Password").GetAttribute("value"));
        Assert.DoesNotContain(email, page.Text("table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_beside_the_email()
    {
        var existing = await Site.AddAccountAsync(Roles.Editor);

        var (refused, page) = await CreateAsync(existing, Roles.Editor, "a long first password");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("already taken", page.Text("#email-error"), StringComparison.Ordinal);
    }
}
