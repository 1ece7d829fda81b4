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

    /// <summary>Post/redirect/get to an action of this controller, carrying a one-shot message.</summary>
    protected RedirectToActionResult RedirectWithMessage(string action, string message) =>
        RedirectWithMessage(action, null, null, message);

    protected RedirectToActionResult RedirectWithMessage(string action, object routeValues, string message) =>
        RedirectWithMessage(action, null, routeValues, message);

    protected RedirectToActionResult RedirectWithMessage(string action, string? controller, object? routeValues, string message)
    {
        TempData[MessageKey] = message;
        return RedirectToAction(action, controller, routeValues);
    }
}
