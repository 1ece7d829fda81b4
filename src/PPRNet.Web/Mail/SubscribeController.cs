using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>The public side of the digest: subscribe, confirm, preferences, unsubscribe. No account:
/// a signed link from the reader's own mail is the only key. Never cached: pages carry tokens.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SubscribeController(Subscriptions subscriptions) : Controller
{
    private const string MessageKey = "Message";

    [HttpGet("/subscribe")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new SubscribeForm { Page = "/subscribe" }, cancellationToken));

    // The footer form sits on output-cached public pages, where an antiforgery token would be
    // someone else's; a forged post can do no more than anyone typing an address can, and double
    // opt-in stands behind both.
    [HttpPost("/subscribe"), IgnoreAntiforgeryToken, EnableRateLimiting(RateLimitPolicies.Subscribe)]
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] SubscribeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var (field, problem) in await subscriptions.SubscribeAsync(form, cancellationToken))
        {
            ModelState.AddModelError($"Form.{field}", problem);
        }

        return ModelState.IsValid ? Redirect("/subscribe/check-your-inbox") : View(await PageAsync(form, cancellationToken));
    }

    [HttpGet("/subscribe/check-your-inbox")]
    public IActionResult Thanks() => View("Notice", Message("Check your inbox",
        "If that address can be subscribed, an email with a confirmation link is on its way to it. The link works for 7 days.",
        "Nothing will be sent to the address until the link is followed. No email after a few minutes? Look in the spam folder."));

    [HttpGet("/subscribe/confirm")]
    public IActionResult Confirm(string? token) => View("Notice", new SubscriptionMessagePage
    {
        Title = "Confirm your subscription",
        Description = "Confirm your subscription to the monthly digest.",
        Heading = "Confirm your subscription",
        Paragraphs = ["One more step: press the button to start receiving the monthly digest."],
        ButtonAction = "/subscribe/confirm",
        ButtonToken = token,
        ButtonLabel = "Confirm my subscription",
    });

    // The signed token is the only authority here; it comes from the reader's mail.
    [HttpPost("/subscribe/confirm"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> ConfirmPost([FromForm] string? token, CancellationToken cancellationToken) =>
        await subscriptions.ConfirmAsync(token, cancellationToken) switch
        {
            ConfirmOutcome.Confirmed => View("Notice", Message("You are subscribed",
                "Thank you. The digest arrives when each month's summaries are published; every email has a link to change your topics or to unsubscribe.")),
            ConfirmOutcome.AlreadyConfirmed => View("Notice", Message("You are already subscribed",
                "This address is already confirmed; nothing has changed.")),
            ConfirmOutcome.Expired => BadRequestMessage("This link has expired",
                "Confirmation links work for 7 days. Subscribe again and a new link will be sent."),
            _ => BadRequestMessage("This link is not valid",
                "It may be incomplete or replaced by a newer one. Subscribe again and a new link will be sent."),
        };

    [HttpGet("/subscribe/manage")]
    public async Task<IActionResult> Manage(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FromLinkAsync(token, cancellationToken);
        return subscriber is null
            ? BadRequestMessage("This link is not valid", "Use the link in your most recent digest, or subscribe again.")
            : View(await PreferencesAsync(token!, subscriber, subscriber.AllTopics, subscriber.Topics.Select(t => t.Slug).ToList(), cancellationToken));
    }

    private async Task<PreferencesPage> PreferencesAsync(string token, Subscriber subscriber, bool allTopics, IReadOnlyList<string> selected, CancellationToken cancellationToken) => new()
    {
        Title = "Your digest preferences",
        Description = "Change your topics, pause or unsubscribe.",
        Token = token,
        Email = subscriber.Email,
        Status = subscriber.Status,
        AllTopics = allTopics,
        Selected = selected,
        Topics = await subscriptions.TopicChoicesAsync(cancellationToken),
        Message = TempData[MessageKey] as string,
    };

    [HttpPost("/subscribe/manage"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Manage([Bind(Prefix = "Form")] PreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = await subscriptions.SavePreferencesAsync(form, cancellationToken);
        if (problems is null)
        {
            return BadRequestMessage("This link is not valid", "Use the link in your most recent digest, or subscribe again.");
        }

        if (problems.Count > 0)
        {
            // Keep what the reader ticked on screen, with the problem beside it.
            foreach (var (field, problem) in problems)
            {
                ModelState.AddModelError($"Form.{field}", problem);
            }

            var subscriber = await subscriptions.FromLinkAsync(form.Token, cancellationToken);
            return subscriber is null
                ? BadRequestMessage("This link is not valid", "Use the link in your most recent digest, or subscribe again.")
                : View(await PreferencesAsync(form.Token!, subscriber, form.AllTopics, form.Topics, cancellationToken));
        }

        TempData[MessageKey] = form.Paused ? "Saved. The digest is paused until you resume it here." : "Saved. Your next digest follows these choices.";
        return Redirect("/subscribe/manage?token=" + Uri.EscapeDataString(form.Token ?? ""));
    }

    [HttpGet("/subscribe/unsubscribe")]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FromLinkAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return BadRequestMessage("This link is not valid", "Use the link in your most recent digest.");
        }

        return View("Notice", subscriber.Status == SubscriberStatus.Unsubscribed
            ? Message("You are unsubscribed", "This address gets no more digests.")
            : new SubscriptionMessagePage
            {
                Title = "Unsubscribe",
                Description = "Stop the monthly digest.",
                Heading = "Unsubscribe from the digest?",
                Paragraphs = [$"No more digests will be sent to {subscriber.Email}."],
                ButtonAction = "/subscribe/unsubscribe?token=" + Uri.EscapeDataString(token!),
                ButtonLabel = "Unsubscribe",
                LinkUrl = "/subscribe/manage?token=" + Uri.EscapeDataString(token!),
                LinkText = "Or change your topics, or pause the digest instead",
            });
    }

    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" here with no cookies and no
    // antiforgery token; the signed token in the address is the authority.
    [HttpPost("/subscribe/unsubscribe"), IgnoreAntiforgeryToken, EnableRateLimiting(RateLimitPolicies.Unsubscribe)]
    public async Task<IActionResult> UnsubscribePost([FromQuery] string? token, CancellationToken cancellationToken) =>
        await subscriptions.UnsubscribeAsync(token, cancellationToken)
            ? View("Notice", Message("You are unsubscribed", "No more digests will be sent to this address. Changed your mind? Subscribe again at any time."))
            : BadRequestMessage("This link is not valid", "Use the link in your most recent digest.");

    private async Task<SubscribePage> PageAsync(SubscribeForm form, CancellationToken cancellationToken) => new()
    {
        Title = "Subscribe to the monthly digest",
        Description = "Get each month's research summaries and their practice implications by email.",
        Form = form,
        Topics = await subscriptions.TopicChoicesAsync(cancellationToken),
        Feeds = [new FeedLink($"{SiteLinks.SiteName}: all summaries", "/feeds/all.rss", "/feeds/all.atom")],
    };

    private static SubscriptionMessagePage Message(string heading, params string[] paragraphs) => new()
    {
        Title = heading,
        Description = heading,
        Heading = heading,
        Paragraphs = paragraphs,
    };

    private ViewResult BadRequestMessage(string heading, string paragraph)
    {
        var view = View("Notice", Message(heading, paragraph));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
