using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

[Route("admin/taxonomy"), Authorize(Roles = Roles.Admin)]
public sealed class TaxonomyController(TaxonomyEditor taxonomy, IStringLocalizer<Ui> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await taxonomy.PageAsync(TakeMessage(), null, cancellationToken));

    [HttpPost("{kind}/add"), ValidateAntiForgeryToken]
    public Task<IActionResult> Add(string kind, string? name, string? nameFr, string? slug, CancellationToken cancellationToken) =>
        Do(new TermAttempt(kind, null, name, nameFr, slug), k => taxonomy.AddAsync(k, name, nameFr, slug, UserName, cancellationToken),
            t["Added \"{0}\".", name ?? ""], cancellationToken);

    [HttpPost("{kind}/{id:int}/rename"), ValidateAntiForgeryToken]
    public Task<IActionResult> Rename(string kind, int id, string? name, string? nameFr, string? slug,
        CancellationToken cancellationToken) =>
        Do(new TermAttempt(kind, id, name, nameFr, slug), k => taxonomy.RenameAsync(k, id, name, nameFr, slug, UserName, cancellationToken),
            t["Renamed to \"{0}\".", name ?? ""], cancellationToken);

    [HttpPost("{kind}/{id:int}/retire"), ValidateAntiForgeryToken]
    public Task<IActionResult> Retire(string kind, int id, bool retired, CancellationToken cancellationToken) =>
        Do(new TermAttempt(kind, id, null, null, null), k => taxonomy.SetRetiredAsync(k, id, retired, UserName, cancellationToken),
            retired ? t["Retired."] : t["Brought back."], cancellationToken);

    /// <summary>A term in use is deleted from its own page, which offers the other terms once;
    /// the list page stays the size of the taxonomy however many terms there are.</summary>
    [HttpGet("{kind}/{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(string kind, int id, CancellationToken cancellationToken) =>
        Parse(kind) is { } parsed && await taxonomy.DeletePageAsync(parsed, kind, id, cancellationToken) is { } model
            ? View("Delete", model)
            : NotFound();

    [HttpPost("{kind}/{id:int}/delete"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string kind, int id, int? moveTo, CancellationToken cancellationToken)
    {
        if (Parse(kind) is not { } parsed)
        {
            return NotFound();
        }

        var errors = await taxonomy.DeleteAsync(parsed, id, moveTo, UserName, cancellationToken);
        if (errors.Count == 0)
        {
            return RedirectWithMessage(nameof(Index), t["Deleted."]);
        }

        errors.AddTo(ModelState, "");
        var page = await taxonomy.DeletePageAsync(parsed, kind, id, cancellationToken) is { } model
            ? View("Delete", model)
            : View("Index", await taxonomy.PageAsync(null, null, cancellationToken));
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private static TermKind? Parse(string kind) => kind switch { "topics" => TermKind.Topic, "types" => TermKind.ResearchType, _ => null };

    /// <summary>Post/redirect/get on success; on a refused change, the page again with the reason.</summary>
    private async Task<IActionResult> Do(TermAttempt attempt, Func<TermKind, Task<IReadOnlyList<FieldError>>> change,
        string success, CancellationToken cancellationToken)
    {
        var parsed = Parse(attempt.Kind);
        if (parsed is null)
        {
            return NotFound();
        }

        var errors = await change(parsed.Value);
        if (errors.Count == 0)
        {
            return RedirectWithMessage(nameof(Index), success);
        }

        // Every form on the page has a "name", a "nameFr" and a "slug": the prefix says which form was refused.
        errors.AddTo(ModelState, attempt.FormKey);
        var page = View("Index", await taxonomy.PageAsync(null, attempt, cancellationToken));
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
