using System.Text;
using System.Text.Encodings.Web;
using MimeKit;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>The mail itself: HTML that common clients show without images, remote CSS or script
/// (inline styles, real headings, dark text on white), and the same content as plain text.
/// Summary HTML comes sanitized from MarkdownRenderer.RenderForMail; everything else is encoded here.</summary>
public static class MailTemplates
{
    private const string Body = "margin:0;padding:0;background-color:#f3f2ee;";
    private const string Sheet = "max-width:640px;margin:0 auto;padding:24px 20px;background-color:#ffffff;"
        + "color:#1f1f1f;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.55;";
    internal const string Kicker = "margin:0 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#4a4a4a;";
    private const string H1 = "margin:0 0 16px;font-family:Arial,Helvetica,sans-serif;font-size:26px;line-height:1.25;color:#1f1f1f;";
    internal const string H2 = "margin:28px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:21px;line-height:1.3;color:#1f1f1f;";
    internal const string H3 = "margin:16px 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1f1f1f;";
    internal const string Citation = "margin:0 0 8px;font-size:15px;color:#3d3d3d;";
    internal const string Link = "color:#0b4f8a;text-decoration:underline;";
    private const string Small = "margin:24px 0 0;padding-top:12px;border-top:1px solid #c9c7bf;"
        + "font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#4a4a4a;";
    private const string Button = "display:inline-block;padding:10px 18px;background-color:#0b4f8a;color:#ffffff;"
        + "font-family:Arial,Helvetica,sans-serif;font-weight:bold;text-decoration:none;border-radius:4px;";

    /// <summary>Names what is inside: "PPRNet Research Blog: April 2021 - Does Mindfulness Lead to Greater
    /// Empathy? and 1 more". The title is the reader's first summary, so a narrowed digest names its own.</summary>
    public static string DigestSubject(DigestEdition edition, IReadOnlyList<DigestItem> items)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(items);
        var subject = $"{SiteLinks.SiteName}: {edition.Label}";
        return items.Count switch
        {
            0 => subject,
            1 => $"{subject} - {items[0].Title}",
            _ => $"{subject} - {items[0].Title} and {items.Count - 1} more",
        };
    }

    public static MailContent Digest(DigestEdition edition, IReadOnlyList<DigestItem> items, string? readerNote,
        string preferencesUrl, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(items);
        var subject = DigestSubject(edition, items);
        var html = Start(subject);
        var text = new StringBuilder();
        var heading = $"Research summaries for {edition.Label}";
        html.Append($"<h1 style=\"{H1}\">{E(heading)}</h1>");
        text.Append(heading).Append('\n').Append('=', heading.Length).Append("\n\n");
        if (readerNote is not null)
        {
            html.Append($"<p style=\"{Citation}\">{E(readerNote)}</p>");
            text.Append(readerNote).Append("\n\n");
        }

        if (edition.IntroHtml is not null)
        {
            html.Append("<div>").Append(edition.IntroHtml).Append("</div>");
            text.Append(edition.IntroText).Append("\n\n");
        }

        foreach (var item in items)
        {
            DigestItemMail.Append(item, html, text);
        }

        html.Append($"<p style=\"margin:24px 0 0;\"><a href=\"{E(edition.MonthUrl)}\" style=\"{Link}\">"
            + $"All of {E(edition.Label)} on the blog</a></p>");
        text.Append("All of ").Append(edition.Label).Append(" on the blog: ").Append(edition.MonthUrl).Append('\n');
        Footer(html, text, "You get this because you subscribed to the PPRNet Research Blog's monthly digest.",
            preferencesUrl, unsubscribeUrl);
        return new MailContent(subject, End(html), text.ToString());
    }

    public static MailContent Confirmation(string confirmUrl, string siteUrl)
    {
        const string subject = "Confirm your subscription to the PPRNet Research Blog";
        var lifetime = ConfirmationLinkLifetime;
        var html = Start(subject)
            .Append($"<h1 style=\"{H1}\">Please confirm your subscription</h1>")
            .Append($"<p>Someone, probably you, asked for the {E(SiteLinks.SiteName)}'s monthly digest "
                + $"at this address on <a href=\"{E(siteUrl)}\" style=\"{Link}\">{E(siteUrl)}</a>.</p>")
            .Append($"<p><a href=\"{E(confirmUrl)}\" style=\"{Button}\">Confirm my subscription</a></p>")
            .Append($"<p style=\"{Small}\">The link works for {E(lifetime)}. ")
            .Append("If you did not ask for this, ignore this email: nothing more will be sent.</p>");
        var text = $"""
            {subject}

            Someone, probably you, asked for the {SiteLinks.SiteName}'s monthly digest at this address on {siteUrl}.

            Confirm your subscription: {confirmUrl}

            The link works for {lifetime}. If you did not ask for this, ignore this email: nothing more will be sent.

            """;
        return new MailContent(subject, End(html), text);
    }

    public static MailContent AlreadySubscribed(string preferencesUrl, string unsubscribeUrl)
    {
        const string subject = "You are already subscribed to the PPRNet Research Blog";
        var html = Start(subject)
            .Append($"<h1 style=\"{H1}\">You are already subscribed</h1>")
            .Append("<p>Someone, probably you, asked to subscribe this address to the monthly digest again. "
                + "It is already subscribed, so nothing has changed.</p>");
        var text = new StringBuilder($"{subject}\n\nSomeone, probably you, asked to subscribe this address to the monthly digest again. "
            + "It is already subscribed, so nothing has changed.\n");
        Footer(html, text, "", preferencesUrl, unsubscribeUrl);
        return new MailContent(subject, End(html), text.ToString());
    }

    public static MailContent PreferencesLink(string preferencesUrl, string unsubscribeUrl)
    {
        const string subject = "Your new link to your PPRNet Research Blog digest preferences";
        var lifetime = PreferencesLinkLifetime;
        var html = Start(subject)
            .Append($"<h1 style=\"{H1}\">Your new preferences link</h1>")
            .Append("<p>Someone, probably you, asked for a new link to change the topics of this address's monthly digest, "
                + "pause it or unsubscribe.</p>")
            .Append($"<p><a href=\"{E(preferencesUrl)}\" style=\"{Button}\">Change your topics or pause the digest</a></p>")
            .Append($"<p style=\"{Small}\">The link works for {E(lifetime)}. "
                + $"If you did not ask for it, ignore this email: nothing has changed. "
                + $"<a href=\"{E(unsubscribeUrl)}\" style=\"{Link}\">Unsubscribe</a></p>");
        var text = $"""
            {subject}

            Someone, probably you, asked for a new link to change the topics of this address's monthly digest, pause it or unsubscribe.

            Change your topics or pause the digest: {preferencesUrl}

            The link works for {lifetime}. If you did not ask for it, ignore this email: nothing has changed.

            --
            Unsubscribe: {unsubscribeUrl}

            """;
        return new MailContent(subject, End(html), text);
    }

    /// <summary><see cref="MailTokens.PreferencesLifetime"/> in words, for mail and pages.</summary>
    public static string PreferencesLinkLifetime => $"{MailTokens.PreferencesLifetime.TotalDays:0} days";

    /// <summary><see cref="MailTokens.ConfirmationLifetime"/> in words, for mail and pages.</summary>
    public static string ConfirmationLinkLifetime => $"{MailTokens.ConfirmationLifetime.TotalDays:0} days";

    /// <summary>The MIME message: text and HTML alternatives and, for mail to subscribers, RFC 2369
    /// and RFC 8058 headers so mail clients offer their own one-click unsubscribe.</summary>
    public static MimeMessage Message(MailContent content, MailOptions options, string to, string? unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        }

        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return message;
    }

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append($"<title>{E(title)}</title></head><body style=\"{Body}\">"
            + $"<div role=\"article\" aria-label=\"{E(title)}\" lang=\"en\" style=\"{Sheet}\">")
        .Append($"<p style=\"{Kicker}\">{E(SiteLinks.SiteName)}</p>");

    private static string End(StringBuilder html) => html.Append("</div></body></html>").ToString();

    private static void Footer(StringBuilder html, StringBuilder text, string why, string preferencesUrl, string unsubscribeUrl)
    {
        html.Append($"<p style=\"{Small}\">{E(why)} "
            + $"<a href=\"{E(preferencesUrl)}\" style=\"{Link}\">Change your topics or pause the digest</a> · "
            + $"<a href=\"{E(unsubscribeUrl)}\" style=\"{Link}\">Unsubscribe</a></p>");
        text.Append("\n--\n");
        if (why.Length > 0)
        {
            text.Append(why).Append('\n');
        }

        text.Append("Change your topics or pause the digest: ").Append(preferencesUrl).Append('\n')
            .Append("Unsubscribe: ").Append(unsubscribeUrl).Append('\n');
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
