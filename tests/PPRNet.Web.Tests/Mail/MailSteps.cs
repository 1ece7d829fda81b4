using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>What a reader does: fills in the form, finds the mail, follows its links.</summary>
public static partial class MailSteps
{
    public static string NewDomain() => $"t{Guid.NewGuid():N}.example";

    /// <summary>The site's zone as shipped in appsettings.json (Site:TimeZone), worked out here
    /// independently of the site's own conversion.</summary>
    public static readonly TimeZoneInfo SiteZone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>What an editor in the site's zone types into a datetime-local field for this instant.</summary>
    public static string TypedInSiteZone(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SiteZone).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Html)> SubscribeAsync(
        BlogSite site, string email, params string[] topics)
    {
        var form = new Dictionary<string, object?> { ["Form.Email"] = email };
        if (topics.Length > 0)
        {
            form["Form.Topics"] = topics;
        }

        return await site.Anonymous().SubmitAsync("/subscribe", "main form.stacked-form", form);
    }

    /// <summary>Subscribes, waits for the confirmation, follows its link and presses Confirm.</summary>
    public static async Task ConfirmedAsync(BlogSite site, Smtp4dev smtp, string email, params string[] topics)
    {
        await SubscribeAsync(site, email, topics);
        var confirmation = await OnlyMessageToAsync(smtp, email);
        var (response, page) = await FollowAsync(site, LinkIn(confirmation.TextBody, "/subscribe/confirm"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (confirmed, _) = await site.Anonymous().SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    /// <summary>A confirmed subscriber and the mail that tells them they are already subscribed,
    /// which carries the same preferences and unsubscribe links and headers as a digest.</summary>
    public static async Task<MimeMessage> SubscriberWithNoticeAsync(MailSite site, Smtp4dev smtp, string email)
    {
        await ConfirmedAsync(site, smtp, email);
        await SubscribeAsync(site, email);
        return await OnlyMessageToAsync(smtp, email, expected: 2);
    }

    public static async Task<MimeMessage> OnlyMessageToAsync(Smtp4dev smtp, string email, int expected = 1)
    {
        var domain = email[(email.IndexOf('@') + 1)..];
        var messages = await smtp.WaitForAsync(domain, expected, filter: m => m.Envelope.Contains(email, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(expected, messages.Count);
        return messages[^1].Message;
    }

    /// <summary>The absolute link in a mail's text that goes to <paramref name="path"/>.</summary>
    public static string LinkIn(string? text, string path)
    {
        var link = Links().Matches(text ?? "").Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath == path);
        Assert.NotNull(link);
        return link;
    }

    public static IReadOnlyList<string> AllLinks(string text) => Links().Matches(text).Select(m => m.Value).ToList();

    /// <summary>Opens a link from a mail against the running site (Site:BaseUrl is http://localhost).</summary>
    public static Task<(HttpResponseMessage Response, IHtmlDocument Html)> FollowAsync(BlogSite site, string link)
    {
        var uri = new Uri(link);
        Assert.Equal("http://localhost", uri.GetLeftPart(UriPartial.Authority));
        return site.Anonymous().GetAsync(uri.PathAndQuery);
    }

    /// <summary>The signed preferences token that mail to this subscriber carries.</summary>
    public static async Task<string> PreferencesTokenAsync(MailSite site, string email)
    {
        var key = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Key)
            .SingleAsync(TestContext.Current.CancellationToken));
        return site.Services.GetRequiredService<PPRNet.Web.Mail.MailTokens>().Preferences(key);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}
