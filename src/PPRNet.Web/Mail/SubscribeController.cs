using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>The public side of the digest: subscribe, confirm, preferences, unsubscribe. No account:
/// a signed link from the reader's own mail is the only key. Never cached: pages carry tokens.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SubscribeController(Subscriptions subscriptions, PreferencesLinks preferencesLinks, IStringLocalizer<Ui> t)
    : Controller
{
    private const string MessageKey = "Message";

    [HttpGet(SubscribeUrls.Subscribe)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new SubscribeForm { Page = SiteLanguage.Local(SubscribeUrls.Subscribe), Language = SiteLanguage.Code },
            cancellationToken));

    // The footer form sits on output-cached public pages, where an antiforgery token would be
    // someone else's; a forged post can do no more than anyone typing an address can, and double
    // opt-in stands behind both.
    [HttpPost(SubscribeUrls.Subscribe), IgnoreAntiforgeryToken, EnableRateLimiting(RateLimitPolicies.Subscribe)]
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] SubscribeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        (await subscriptions.SubscribeAsync(form, cancellationToken)).AddTo(ModelState, "Form");

        return ModelState.IsValid
            ? Redirect(SiteLanguage.Local(SubscribeUrls.CheckYourInbox))
            : View(await PageAsync(form, cancellationToken));
    }

    [HttpGet(SubscribeUrls.CheckYourInbox)]
    public IActionResult Thanks() => View("Notice", Message(t["Check your inbox"],
        t["If that address can be subscribed, an email with a confirmation link is on its way to it. The link works for {0}.",
            MailTemplates.ConfirmationLinkLifetime(t)],
        t["Nothing will be sent to the address until the link is followed. No email after a few minutes? Look in the spam folder."]));

    [HttpGet(SubscribeUrls.Confirm)]
    public IActionResult Confirm(string? token) => View("Notice", new SubscriptionMessagePage
    {
        Title = t["Confirm your subscription"],
        Description = t["Confirm your subscription to the monthly digest."],
        Heading = t["Confirm your subscription"],
        Paragraphs = [t["One more step: press the button to start receiving the monthly digest."]],
        ButtonAction = SiteLanguage.Local(SubscribeUrls.Confirm),
        ButtonToken = token,
        ButtonLabel = t["Confirm my subscription"],
    });

    // The signed token is the only authority here; it comes from the reader's mail.
    [HttpPost(SubscribeUrls.Confirm), IgnoreAntiforgeryToken]
    public async Task<IActionResult> ConfirmPost([FromForm] string? token, CancellationToken cancellationToken) =>
        await subscriptions.ConfirmAsync(token, cancellationToken) switch
        {
            ConfirmOutcome.Confirmed => View("Notice", Message(t["You are subscribed"],
                t["Thank you. The digest arrives when each month's summaries are published; every email has a link to change your topics or to unsubscribe."])),
            ConfirmOutcome.AlreadyConfirmed => View("Notice", Message(t["You are already subscribed"],
                t["This address is already confirmed; nothing has changed."])),
            ConfirmOutcome.Expired => BadRequestMessage(t["This link has expired"],
                t["Confirmation links work for {0}. Subscribe again and a new link will be sent.", MailTemplates.ConfirmationLinkLifetime(t)]),
            _ => BadRequestMessage(t["This link is not valid"],
                t["It may be incomplete or replaced by a newer one. Subscribe again and a new link will be sent."]),
        };

    [HttpGet(SubscribeUrls.Manage)]
    public async Task<IActionResult> Manage(string? token, CancellationToken cancellationToken)
    {
        var link = await subscriptions.FromLinkAsync(token, cancellationToken);
        return link.IsLive
            ? View(await PreferencesAsync(token!, link.Subscriber!, link.Subscriber!.AllTopics,
                link.Subscriber.Topics.Select(topic => topic.Slug).ToList(), link.Subscriber.Language, cancellationToken))
            : NotLive(link);
    }

    private async Task<PreferencesPage> PreferencesAsync(string token, Subscriber subscriber, bool allTopics,
        IReadOnlyList<string> selected, string? language, CancellationToken cancellationToken) => new()
        {
            Title = t["Your digest preferences"],
            Description = t["Change your topics, pause or unsubscribe."],
            Token = token,
            Email = subscriber.Email,
            Status = subscriber.Status,
            AllTopics = allTopics,
            Selected = selected,
            Language = language,
            Topics = await subscriptions.TopicChoicesAsync(cancellationToken),
            Message = TempData[MessageKey] as string,
        };

    [HttpPost(SubscribeUrls.Manage), ValidateAntiForgeryToken]
    public async Task<IActionResult> Manage([Bind(Prefix = "Form")] PreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = await subscriptions.SavePreferencesAsync(form, cancellationToken);
        if (problems is null)
        {
            return NotLive(await subscriptions.FromLinkAsync(form.Token, cancellationToken));
        }

        if (problems.Count > 0)
        {
            // Keep what the reader ticked on screen, with the problem beside it.
            problems.AddTo(ModelState, "Form");

            var link = await subscriptions.FromLinkAsync(form.Token, cancellationToken);
            return link.IsLive
                ? View(await PreferencesAsync(form.Token!, link.Subscriber!, form.AllTopics, form.Topics, form.Language,
                    cancellationToken))
                : NotLive(link);
        }

        TempData[MessageKey] = form.Paused
            ? t["Saved. The digest is paused until you resume it here."].Value
            : t["Saved. Your next digest follows these choices."].Value;
        return Redirect(SiteLanguage.Local(SubscribeUrls.ManageWith(form.Token ?? "")));
    }

    [HttpGet(SubscribeUrls.Unsubscribe)]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken cancellationToken)
    {
        var link = await subscriptions.FromLinkAsync(token, cancellationToken);
        if (link.Check == TokenCheck.Invalid)
        {
            return BadRequestMessage(t["This link is not valid"], t["Use the link in your most recent digest."]);
        }

        if (link.HasEnded)
        {
            return View("Notice", Ended());
        }

        // An expired link still unsubscribes, but no longer says which address it was for.
        return View("Notice", new SubscriptionMessagePage
        {
            Title = t["Unsubscribe"],
            Description = t["Stop the monthly digest."],
            Heading = t["Unsubscribe from the digest?"],
            Paragraphs = [link.IsLive
                ? t["No more digests will be sent to {0}.", link.Subscriber!.Email]
                : t["No more digests will be sent to this address."]],
            ButtonAction = SiteLanguage.Local(SubscribeUrls.UnsubscribeWith(token!)),
            ButtonLabel = t["Unsubscribe"],
            LinkUrl = SiteLanguage.Local(SubscribeUrls.ManageWith(token!)),
            LinkText = t["Or change your topics, or pause the digest instead"],
        });
    }

    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" here with no cookies and no
    // antiforgery token; the signed token in the address is the authority.
    [HttpPost(SubscribeUrls.Unsubscribe), IgnoreAntiforgeryToken, EnableRateLimiting(RateLimitPolicies.Unsubscribe)]
    public async Task<IActionResult> UnsubscribePost([FromQuery] string? token, CancellationToken cancellationToken) =>
        await subscriptions.UnsubscribeAsync(token, cancellationToken)
            ? View("Notice", Message(t["You are unsubscribed"],
                t["No more digests will be sent to this address. Changed your mind? Subscribe again at any time."]))
            : BadRequestMessage(t["This link is not valid"], t["Use the link in your most recent digest."]);

    [HttpGet(SubscribeUrls.PreferencesLink)]
    public IActionResult PreferencesLink() => View(LinkRequestPage(new PreferencesLinkForm(), t["Get a new link to your preferences"],
        t["Enter your address. If it is subscribed, we will email it a new link to change its topics, pause the digest or unsubscribe."]));

    // It mails an address on a stranger's say-so, as subscribing does, so it shares that limit.
    [HttpPost(SubscribeUrls.PreferencesLink), ValidateAntiForgeryToken, EnableRateLimiting(RateLimitPolicies.Subscribe)]
    public async Task<IActionResult> PreferencesLink([Bind(Prefix = "Form")] PreferencesLinkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        (await preferencesLinks.SendPreferencesLinkAsync(form, cancellationToken)).AddTo(ModelState, "Form");

        return ModelState.IsValid
            ? Redirect(SiteLanguage.Local(SubscribeUrls.PreferencesLinkSent))
            : View(LinkRequestPage(form, t["Get a new link to your preferences"], t["Enter the address the digest is sent to."]));
    }

    [HttpGet(SubscribeUrls.PreferencesLinkSent)]
    public IActionResult PreferencesLinkSent() => View("Notice", Message(t["Check your inbox"],
        t["If that address is subscribed, an email with a new link to its preferences is on its way to it. The link works for {0}.",
            MailTemplates.PreferencesLinkLifetime(t)],
        t["Nothing has changed in the subscription. No email after a few minutes? Look in the spam folder."]));

    /// <summary>The page for a preferences link that cannot open the preferences: it shows nothing
    /// about the address, whatever the link names.</summary>
    private IActionResult NotLive(SubscriberLink link)
    {
        if (link.Check == TokenCheck.Invalid)
        {
            return BadRequestMessage(t["This link is not valid"], t["Use the link in your most recent digest, or subscribe again."]);
        }

        if (link.Check == TokenCheck.Expired)
        {
            var view = View("PreferencesLink", LinkRequestPage(new PreferencesLinkForm(), t["This link has expired"],
                t["Links to your digest preferences work for {0}. Enter your address and, if it is subscribed, we will email it a new link.",
                    MailTemplates.PreferencesLinkLifetime(t)]));
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        return View("Notice", Ended());
    }

    private SubscriptionMessagePage Ended() => new()
    {
        Title = t["This subscription has ended"],
        Description = t["This subscription has ended"],
        Heading = t["This subscription has ended"],
        Paragraphs = [t["No digests are sent to the address this link was for, and the link no longer opens its preferences."]],
        LinkUrl = SiteLanguage.Local(SubscribeUrls.Subscribe),
        LinkText = t["Subscribe again"],
    };

    private PreferencesLinkPage LinkRequestPage(PreferencesLinkForm form, string heading, string lede) => new()
    {
        Title = heading,
        Description = t["Get a new link to your digest preferences by email."],
        Heading = heading,
        Lede = lede,
        Form = form,
    };

    private async Task<SubscribePage> PageAsync(SubscribeForm form, CancellationToken cancellationToken) => new()
    {
        Title = t["Subscribe to the monthly digest"],
        Description = t["Get each month's research summaries and their practice implications by email."],
        Form = form,
        Topics = await subscriptions.TopicChoicesAsync(cancellationToken),
        Feeds = [new FeedLink(t["all summaries"], SiteLanguage.Local("/feeds/all.rss"),
            SiteLanguage.Local("/feeds/all.atom"))],
    };

    private static SubscriptionMessagePage Message(LocalizedString heading, params LocalizedString[] paragraphs) => new()
    {
        Title = heading,
        Description = heading,
        Heading = heading,
        Paragraphs = paragraphs.Select(p => p.Value).ToList(),
    };

    private ViewResult BadRequestMessage(LocalizedString heading, LocalizedString paragraph)
    {
        var view = View("Notice", Message(heading, paragraph));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
