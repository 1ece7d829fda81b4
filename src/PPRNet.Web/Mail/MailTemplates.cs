using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using MimeKit;
using PPRNet.Web.Localization;

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
    public static string DigestSubject(IStringLocalizer t, DigestEdition edition, IReadOnlyList<DigestItem> items)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(items);
        var subject = t["PPRNet Research Blog: {0}", edition.Label].Value;
        return items.Count switch
        {
            0 => subject,
            1 => $"{subject} - {items[0].Title}",
            _ => t["{0} - {1} and {2} more", subject, items[0].Title, items.Count - 1],
        };
    }

    /// <summary>A digest in the current language (<see cref="SiteLanguage.Use"/>). The summaries
    /// themselves are English: in a French mail they are marked <c>lang="en"</c>, and a line says so.</summary>
    public static MailContent Digest(IStringLocalizer t, DigestEdition edition, IReadOnlyList<DigestItem> items, string? readerNote,
        string preferencesUrl, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(items);
        var subject = DigestSubject(t, edition, items);
        var html = Start(t, subject);
        var text = new StringBuilder();
        var heading = t["Research summaries for {0}", edition.Label].Value;
        html.Append($"<h1 style=\"{H1}\">{E(heading)}</h1>");
        text.Append(heading).Append('\n').Append('=', heading.Length).Append("\n\n");
        if (SiteLanguage.IsFrench)
        {
            var notice = t["The summaries themselves are written in English only."].Value;
            html.Append($"<p style=\"{Citation}\">{E(notice)}</p>");
            text.Append(notice).Append("\n\n");
        }

        if (readerNote is not null)
        {
            html.Append($"<p style=\"{Citation}\">{E(readerNote)}</p>");
            text.Append(readerNote).Append("\n\n");
        }

        if (edition.IntroHtml is not null)
        {
            html.Append($"<div{EnglishText}>").Append(edition.IntroHtml).Append("</div>");
            text.Append(edition.IntroText).Append("\n\n");
        }

        foreach (var item in items)
        {
            DigestItemMail.Append(t, item, html, text);
        }

        var all = t["All of {0} on the blog", edition.Label].Value;
        html.Append($"<p style=\"margin:24px 0 0;\"><a href=\"{E(edition.MonthUrl)}\" style=\"{Link}\">{E(all)}</a></p>");
        text.Append(Colon(t, all, edition.MonthUrl)).Append('\n');
        Footer(t, html, text, t["You get this because you subscribed to the PPRNet Research Blog's monthly digest."],
            preferencesUrl, unsubscribeUrl);
        return new MailContent(subject, End(html), text.ToString());
    }

    public static MailContent Confirmation(IStringLocalizer t, string confirmUrl, string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(t);
        var subject = t["Confirm your subscription to the PPRNet Research Blog"].Value;
        var lifetime = ConfirmationLinkLifetime(t);
        var siteName = t["PPRNet Research Blog"].Value;
        // The sentences are our own resource text; only what goes into them is encoded.
        var html = Start(t, subject)
            .Append($"<h1 style=\"{H1}\">{t["Please confirm your subscription"]}</h1>")
            .Append("<p>").Append(t["Someone, probably you, asked for the {0}'s monthly digest at this address on {1}.", E(siteName),
                $"<a href=\"{E(siteUrl)}\" style=\"{Link}\">{E(siteUrl)}</a>"]).Append("</p>")
            .Append($"<p><a href=\"{E(confirmUrl)}\" style=\"{Button}\">{t["Confirm my subscription"]}</a></p>")
            .Append($"<p style=\"{Small}\">{t["The link works for {0}.", E(lifetime)]} ")
            .Append(t["If you did not ask for this, ignore this email: nothing more will be sent."]).Append("</p>");
        var text = new StringBuilder(subject).Append("\n\n")
            .Append(t["Someone, probably you, asked for the {0}'s monthly digest at this address on {1}.", siteName, siteUrl]).Append("\n\n")
            .Append(Colon(t, t["Confirm your subscription"], confirmUrl)).Append("\n\n")
            .Append(t["The link works for {0}.", lifetime]).Append(' ')
            .Append(t["If you did not ask for this, ignore this email: nothing more will be sent."]).Append('\n');
        return new MailContent(subject, End(html), text.ToString());
    }

    public static MailContent AlreadySubscribed(IStringLocalizer t, string preferencesUrl, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(t);
        var subject = t["You are already subscribed to the PPRNet Research Blog"].Value;
        var again = t["Someone, probably you, asked to subscribe this address to the monthly digest again. It is already subscribed, so nothing has changed."];
        var html = Start(t, subject)
            .Append($"<h1 style=\"{H1}\">{t["You are already subscribed"]}</h1>")
            .Append($"<p>{again}</p>");
        var text = new StringBuilder($"{subject}\n\n{again}\n");
        Footer(t, html, text, "", preferencesUrl, unsubscribeUrl);
        return new MailContent(subject, End(html), text.ToString());
    }

    public static MailContent PreferencesLink(IStringLocalizer t, string preferencesUrl, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(t);
        var subject = t["Your new link to your PPRNet Research Blog digest preferences"].Value;
        var lifetime = PreferencesLinkLifetime(t);
        var asked = t["Someone, probably you, asked for a new link to change the topics of this address's monthly digest, pause it or unsubscribe."];
        var change = t["Change your topics or pause the digest"].Value;
        var html = Start(t, subject)
            .Append($"<h1 style=\"{H1}\">{t["Your new preferences link"]}</h1>")
            .Append($"<p>{asked}</p>")
            .Append($"<p><a href=\"{E(preferencesUrl)}\" style=\"{Button}\">{change}</a></p>")
            .Append($"<p style=\"{Small}\">{t["The link works for {0}.", E(lifetime)]} ")
            .Append(t["If you did not ask for it, ignore this email: nothing has changed."])
            .Append($" <a href=\"{E(unsubscribeUrl)}\" style=\"{Link}\">{t["Unsubscribe"]}</a></p>");
        var text = new StringBuilder(subject).Append("\n\n").Append(asked).Append("\n\n")
            .Append(Colon(t, change, preferencesUrl)).Append("\n\n")
            .Append(t["The link works for {0}.", lifetime]).Append(' ')
            .Append(t["If you did not ask for it, ignore this email: nothing has changed."]).Append("\n\n--\n")
            .Append(Colon(t, t["Unsubscribe"], unsubscribeUrl)).Append('\n');
        return new MailContent(subject, End(html), text.ToString());
    }

    /// <summary><see cref="MailTokens.PreferencesLifetime"/> in words, for mail and pages.</summary>
    public static string PreferencesLinkLifetime(IStringLocalizer t) => Days(t, MailTokens.PreferencesLifetime);

    /// <summary><see cref="MailTokens.ConfirmationLifetime"/> in words, for mail and pages.</summary>
    public static string ConfirmationLinkLifetime(IStringLocalizer t) => Days(t, MailTokens.ConfirmationLifetime);

    private static string Days(IStringLocalizer t, TimeSpan lifetime) =>
        t.Plural((int)Math.Round(lifetime.TotalDays), "{0} day", "{0} days");

    /// <summary>"Label: value", as the language punctuates it (French puts a space before the colon).</summary>
    private static string Colon(IStringLocalizer t, string label, string value) => t["{0}: {1}", label, value];

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

    /// <summary>What marks the summaries' own words, which stay English, inside a mail written in
    /// another language: nothing in an English mail.</summary>
    internal static string EnglishText => SiteLanguage.IsFrench ? " lang=\"en\"" : "";

    private static StringBuilder Start(IStringLocalizer t, string title) => new StringBuilder()
        .Append($"<!DOCTYPE html><html lang=\"{SiteLanguage.Code}\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append($"<title>{E(title)}</title></head><body style=\"{Body}\">"
            + $"<div role=\"article\" aria-label=\"{E(title)}\" lang=\"{SiteLanguage.Code}\" style=\"{Sheet}\">")
        .Append($"<p style=\"{Kicker}\">{E(t["PPRNet Research Blog"])}</p>");

    private static string End(StringBuilder html) => html.Append("</div></body></html>").ToString();

    private static void Footer(IStringLocalizer t, StringBuilder html, StringBuilder text, string why, string preferencesUrl,
        string unsubscribeUrl)
    {
        var change = t["Change your topics or pause the digest"].Value;
        var unsubscribe = t["Unsubscribe"].Value;
        html.Append($"<p style=\"{Small}\">{E(why)} "
            + $"<a href=\"{E(preferencesUrl)}\" style=\"{Link}\">{E(change)}</a> · "
            + $"<a href=\"{E(unsubscribeUrl)}\" style=\"{Link}\">{E(unsubscribe)}</a></p>");
        text.Append("\n--\n");
        if (why.Length > 0)
        {
            text.Append(why).Append('\n');
        }

        text.Append(Colon(t, change, preferencesUrl)).Append('\n')
            .Append(Colon(t, unsubscribe, unsubscribeUrl)).Append('\n');
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
