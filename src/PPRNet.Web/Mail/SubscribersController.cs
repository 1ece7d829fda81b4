using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Admin;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Mail;

/// <summary>Admins answer subscribers' data requests: find by address, export as JSON, delete.</summary>
[Route("admin/subscribers"), Authorize(Roles = Roles.Admin)]
public sealed class SubscribersController(SubscriberRecords records, DigestDesk desk, IStringLocalizer<Ui> t)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? email, CancellationToken cancellationToken) => View(new SubscribersPage
    {
        Title = t["Subscribers"],
        Description = t["Find, export or delete a subscriber's data."],
        Counts = await desk.CountsAsync(cancellationToken),
        Query = email,
        Found = await records.FindAsync(email, cancellationToken),
        Message = TakeMessage(),
    });

    [HttpGet("{id:int}/export")]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken) =>
        await records.ExportAsync(id, UserName, cancellationToken) is { } json
            ? File(json, "application/json", $"subscriber-{id}.json")
            : NotFound();

    [HttpPost("{id:int}/delete"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await records.DeleteAsync(id, UserName, cancellationToken)
            ? RedirectWithMessage(nameof(Index), t["Subscriber #{0} and every message to them are deleted.", id])
            : NotFound();
}
