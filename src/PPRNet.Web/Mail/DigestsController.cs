using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Admin;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Mail;

/// <summary>The editors' side of the digest: per month, a preview, a test to oneself, the send
/// (with a confirmation step, once a month) or a scheduled send, and the progress.</summary>
[Route("admin/digests")]
public sealed class DigestsController(DigestDesk desk, DigestQueue queue, TimeProvider clock, SiteTime siteTime,
    IStringLocalizer<Ui> t) : AdminControllerBase
{
    private const string PreviewPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await desk.MonthsAsync(TakeMessage(), cancellationToken));

    [HttpGet("{month}")]
    public async Task<IActionResult> Month(string month, string? topic, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? View(await desk.MonthAsync(valid, topic, UserName, TakeMessage(), cancellationToken))
            : NotFound();

    /// <summary>The HTML part exactly as mailed. Its inline styles are the email's own, so this one
    /// page gets a policy that allows inline style and nothing else (no script, no images, no forms).</summary>
    [HttpGet("{month}/preview.html")]
    public async Task<IActionResult> PreviewHtml(string month, string? topic, CancellationToken cancellationToken)
    {
        var html = SummaryRules.TryParseMonth(month, out var valid) ? await desk.PreviewHtmlAsync(valid, topic, cancellationToken) : null;
        if (html is null)
        {
            return NotFound();
        }

        HttpContext.Items[SecurityHeaders.PolicyOverride] = PreviewPolicy;
        return Content(html, "text/html; charset=utf-8");
    }

    [HttpPost("{month}/test"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Test(string month, string? topic, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth(month, out var valid))
        {
            return NotFound();
        }

        var page = await desk.MonthAsync(valid, topic, null, null, cancellationToken);
        return RedirectWithMessage(nameof(Month), new { month = valid },
            await queue.QueueTestAsync(valid, page.Topic?.Id, UserName, UserName, cancellationToken));
    }

    [HttpGet("{month}/send")]
    public async Task<IActionResult> Send(string month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? View(await desk.MonthAsync(valid, null, null, null, cancellationToken))
            : NotFound();

    [HttpPost("{month}/send"), ValidateAntiForgeryToken]
    public async Task<IActionResult> SendConfirmed(string month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? RedirectWithMessage(nameof(Month), new { month = valid }, await queue.QueueAsync(valid, UserName, cancellationToken))
            : NotFound();

    [HttpPost("{month}/schedule"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Schedule(string month, [Bind(Prefix = "Form")] ScheduleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!SummaryRules.TryParseMonth(month, out var valid))
        {
            return NotFound();
        }

        DateTimeOffset? sendAt = form.SendAt is { } at ? siteTime.FromLocal(at) : null;
        var problem = sendAt is null
            ? t["Give the date and time ({0}) to send it.", siteTime.ZoneName(t)].Value
            : queue.SendAtProblem(valid, sendAt.Value, clock.GetUtcNow());
        if (problem is not null)
        {
            // Beside the field, with what was typed still in it.
            FieldError.Single(nameof(form.SendAt), problem).AddTo(ModelState, "Form");
            return View("Month", await desk.MonthAsync(valid, null, UserName, null, cancellationToken));
        }

        return RedirectWithMessage(nameof(Month), new { month = valid },
            await queue.ScheduleAsync(valid, sendAt!.Value, UserName, cancellationToken));
    }

    [HttpPost("{month}/unschedule"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Unschedule(string month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? RedirectWithMessage(nameof(Month), new { month = valid }, await queue.UnscheduleAsync(valid, UserName, cancellationToken))
            : NotFound();
}
