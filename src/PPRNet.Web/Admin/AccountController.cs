using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(SignInManager<IdentityUser> signIn, SignInGuard guard,
    UserManager<IdentityUser> users, AuditLog audit, BlogDbContext db, IStringLocalizer<Ui> t) : Controller
{
    /// <summary>Also the authentication cookie's login and logout paths.</summary>
    public const string SignInPath = "/admin/sign-in";
    public const string SignOutPath = "/admin/sign-out";

    [HttpGet(SignInPath), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(Page(new SignInForm { ReturnUrl = returnUrl }, null));

    [HttpPost(SignInPath), AllowAnonymous, ValidateAntiForgeryToken, EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SignIn([Bind(Prefix = "Form")] SignInForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(Page(form, null));
        }

        var outcome = await guard.SignInAsync(form.Email!.Trim(), form.Password!,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "an unknown address", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome.RetryAfter is { } wait)
        {
            RateLimits.SetRetryAfter(Response, wait);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!outcome.Succeeded)
        {
            form.Password = null;
            // A form-wide problem: the error summary shows it and the title starts "Error:".
            var failed = SignInMessages.FailedIn(t);
            FieldError.ForForm(failed).AddTo(ModelState, "Form");
            return View(Page(form, failed));
        }

        return Url.IsLocalUrl(form.ReturnUrl)
            ? LocalRedirect(form.ReturnUrl)
            : RedirectToAction(nameof(DashboardController.Index), "Dashboard");
    }

    [HttpPost(SignOutPath), Authorize, ValidateAntiForgeryToken]
    public async Task<IActionResult> SignOutNow(CancellationToken cancellationToken)
    {
        audit.Record(User.Identity?.Name ?? "unknown", AuditActions.SignOut, User.Identity?.Name ?? "unknown");
        await db.SaveChangesAsync(cancellationToken);
        // A new security stamp ends every session of this account, a copied cookie included.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect(SiteLanguage.Local("/"));
    }

    [HttpGet("/admin/password"), Authorize]
    public IActionResult Password() => View(PasswordPageFor(new PasswordForm(), TempData["Message"] as string));

    /// <summary>Editors replace the first password an admin handed them.</summary>
    [HttpPost("/admin/password"), Authorize, ValidateAntiForgeryToken]
    public async Task<IActionResult> Password([Bind(Prefix = "Form")] PasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, form.Current!, form.New!);
            result.Errors.Select(e => new FieldError(e.Code == "PasswordMismatch" ? nameof(form.Current) : nameof(form.New), e.Description))
                .AddTo(ModelState, "Form");
        }

        if (!ModelState.IsValid)
        {
            return View(PasswordPageFor(new PasswordForm(), null));
        }

        audit.Record(user.Email ?? user.Id, AuditActions.Accounts, user.Email ?? user.Id, "changed own password");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = t["Your password has been changed."].Value;
        return RedirectToAction(nameof(Password));
    }

    private PasswordPage PasswordPageFor(PasswordForm form, string? message) => new()
    {
        Form = form,
        Message = message,
        Title = t["Change your password"],
        Description = t["Change the password of your editor's account."],
    };

    private SignInPage Page(SignInForm form, string? error) => new()
    {
        Form = form,
        Error = error,
        Title = t["Sign in"],
        Description = t["Sign in to the editors' desk."],
    };
}
