using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

[Route("admin/summaries")]
public sealed class SummariesController(AdminReader reader, SummaryEditor editor, SummaryTrash trash, TimeProvider clock,
    IStringLocalizer<Ui> t)
    : AdminControllerBase
{
    private const string PreviewIntent = "preview";

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", await reader.FormPageAsync(new SummaryForm
        {
            Month = clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Status = SummaryStatus.Draft,
        }, preview: false, message: null, cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await reader.EditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(await reader.FormPageAsync(form, preview: false, TakeMessage(), cancellationToken));
    }

    [HttpPost("new"), ValidateAntiForgeryToken]
    public Task<IActionResult> Create([Bind(Prefix = SummaryEditor.FormPrefix)] SummaryForm form,
        string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, intent, cancellationToken);
    }

    [HttpPost("{id:int}/edit"), ValidateAntiForgeryToken]
    public Task<IActionResult> Update(int id, [Bind(Prefix = SummaryEditor.FormPrefix)] SummaryForm form,
        string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, intent, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(SummaryForm form, string? intent, CancellationToken cancellationToken)
    {
        if (intent == PreviewIntent)
        {
            // Over a limit, the preview would be refused (or slow): say why beside the field instead.
            var overLimit = form.LimitProblems(t).ToList();
            overLimit.AddTo(ModelState, SummaryEditor.FormPrefix);
            if (overLimit.Count == 0)
            {
                // What Save would refuse, beside the same fields, while the preview shows what is valid.
                (await editor.CheckAsync(form, BindingErrors(), cancellationToken)).AddTo(ModelState, SummaryEditor.FormPrefix);
            }

            return View("Edit", await reader.FormPageAsync(form, preview: overLimit.Count == 0, message: null, cancellationToken));
        }

        var outcome = await editor.SaveAsync(form, UserName, BindingErrors(), cancellationToken);
        if (outcome is SaveOutcome.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState, SummaryEditor.FormPrefix);
        }
        else if (outcome is SaveOutcome.Missing)
        {
            // Trashed or purged by someone else meanwhile: keep every typed character on screen.
            FieldError.ForForm(
                t["Someone moved this summary to the trash while you were editing. Your text is still below: restore the summary from the trash, then save again, or copy what you need."])
                .AddTo(ModelState, SummaryEditor.FormPrefix);
        }

        return outcome switch
        {
            SaveOutcome.Saved saved => RedirectWithMessage(nameof(Edit), new { id = saved.Id }, saved.Message),
            SaveOutcome.Conflict conflict => await ConflictAsync(conflict, form, cancellationToken),
            _ => View("Edit", await reader.FormPageAsync(form, preview: false, message: null, cancellationToken)),
        };
    }

    /// <summary>What model binding found wrong, by form field, so the editor does not repeat it.</summary>
    private List<FieldError> BindingErrors() =>
        ModelState.Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => new FieldError(
                entry.Key.StartsWith(SummaryEditor.FormPrefix + ".", StringComparison.Ordinal)
                    ? entry.Key[(SummaryEditor.FormPrefix.Length + 1)..]
                    : entry.Key,
                e.ErrorMessage)))
            .ToList();

    private async Task<IActionResult> ConflictAsync(SaveOutcome.Conflict conflict, SummaryForm form, CancellationToken cancellationToken)
    {
        // The form re-posts the version it now shows; the posted (stale) value must not win.
        ModelState.Remove($"{SummaryEditor.FormPrefix}.{nameof(SummaryForm.Version)}");
        return View("Conflict", await reader.ConflictPageAsync(conflict.Current, conflict.Yours, form, cancellationToken));
    }

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var model = await reader.HistoryAsync(id, TakeMessage(), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:int}/diff")]
    public async Task<IActionResult> Diff(int id, int from, int to, CancellationToken cancellationToken)
    {
        var model = await reader.RevisionDiffAsync(id, from, to, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/revisions/{number:int}/restore"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Restore(int id, int number, CancellationToken cancellationToken) =>
        await editor.RestoreRevisionAsync(id, number, UserName, cancellationToken) switch
        {
            SaveOutcome.Saved saved => RedirectWithMessage(nameof(Edit), new { id = saved.Id }, saved.Message),
            SaveOutcome.Invalid invalid => RedirectWithMessage(nameof(History), new { id },
                string.Join(" ", invalid.Errors.Select(e => e.Message))),
            _ => NotFound(),
        };

    [HttpPost("{id:int}/delete"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await trash.TrashAsync(id, UserName, cancellationToken)
            ? RedirectWithMessage(nameof(DashboardController.Index), "Dashboard", null,
                t["Moved the summary to the trash. It can be restored from there."])
            : NotFound();

    [HttpGet("/admin/trash")]
    public async Task<IActionResult> Trash(CancellationToken cancellationToken) =>
        View(await reader.TrashAsync(IsAdmin, TakeMessage(), cancellationToken));

    [HttpPost("/admin/trash/{id:int}/restore"), ValidateAntiForgeryToken]
    public async Task<IActionResult> RestoreFromTrash(int id, CancellationToken cancellationToken) =>
        await trash.RestoreFromTrashAsync(id, UserName, cancellationToken)
            ? RedirectWithMessage(nameof(Edit), new { id }, t["Restored the summary from the trash."])
            : NotFound();

    [HttpPost("/admin/trash/{id:int}/purge"), ValidateAntiForgeryToken, Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Purge(int id, CancellationToken cancellationToken) =>
        await trash.PurgeAsync(id, UserName, cancellationToken)
            ? RedirectWithMessage(nameof(Trash), t["Deleted the summary for good."])
            : NotFound();
}
