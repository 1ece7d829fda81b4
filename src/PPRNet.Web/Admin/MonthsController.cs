using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

[Route("admin/months")]
public sealed class MonthsController(AdminReader reader, MonthIntroEditor intros, IStringLocalizer<Ui> t)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.MonthsAsync(cancellationToken));

    [HttpGet("go")]
    public IActionResult Go(string? month) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? RedirectToAction(nameof(Intro), new { month = valid })
            : RedirectWithMessage(nameof(Index), t["Write the month as YYYY-MM, for example 2021-04."]);

    [HttpGet("{month}/intro")]
    public async Task<IActionResult> Intro(string month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? View(await reader.IntroPageAsync(null, valid, preview: false, TakeMessage(), cancellationToken))
            : NotFound();

    [HttpPost("{month}/intro"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Intro(string month, [Bind(Prefix = "Form")] IntroForm form,
        string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!SummaryRules.TryParseMonth(month, out var valid))
        {
            return NotFound();
        }

        form.Month = valid;
        if (intent == "preview" || !ModelState.IsValid)
        {
            return View(await reader.IntroPageAsync(form, valid,
                preview: intent == "preview" && ModelState.IsValid, null, cancellationToken));
        }

        var message = await intros.SaveIntroAsync(valid, form.Markdown, UserName, cancellationToken);
        return RedirectWithMessage(nameof(Intro), new { month = valid }, message);
    }
}
