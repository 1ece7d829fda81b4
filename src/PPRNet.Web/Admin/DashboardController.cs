using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Admin;

[Route("admin")]
public sealed class DashboardController(AdminReader reader, ImportConflictResolver conflicts, IStringLocalizer<Ui> t)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? state, string? month, string? q, CancellationToken cancellationToken) =>
        View(await reader.DashboardAsync(state, month, q, IsAdmin, TakeMessage(), cancellationToken));

    [HttpGet("conflicts/{id:int}")]
    public async Task<IActionResult> Conflict(int id, CancellationToken cancellationToken)
    {
        var model = await reader.ImportConflictAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("conflicts/{id:int}/resolve"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ResolveConflict(int id, CancellationToken cancellationToken) =>
        await conflicts.ResolveConflictAsync(id, UserName, cancellationToken)
            ? RedirectWithMessage(nameof(Index), t["Marked the import conflict as resolved."])
            : NotFound();

    [HttpGet("audit"), Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Audit(CancellationToken cancellationToken) =>
        View(await reader.AuditAsync(cancellationToken));
}
