using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PPRNet.Web.Admin;

/// <summary>Admin pages: staff only, never cached, and with a one-shot message after a redirect.</summary>
[Authorize(Roles = Roles.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminControllerBase : Controller
{
    private const string MessageKey = "Message";

    protected string UserName => User.Identity?.Name ?? "unknown";

    protected bool IsAdmin => User.IsInRole(Roles.Admin);

    protected string? TakeMessage() => TempData[MessageKey] as string;

    protected IActionResult RedirectWithMessage(string url, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(url);
    }
}
