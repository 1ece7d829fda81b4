using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>The signed preferences link every mail carries: changing topics and pausing without an
/// account, its lifetime and a new link by mail, and what it shows once the address has gone.</summary>
[Collection(MailCollection.Name)]
public sealed class PreferencesTests(Smtp4dev smtp)
{
    [Fact]
    public async Task The_preferences_link_changes_topics_and_pauses_the_digest_without_an_account()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"reader@{MailSteps.NewDomain()}";
        var notice = await MailSteps.SubscriberWithNoticeAsync(site, smtp, email);
        var browser = site.Anonymous();
        var link = new Uri(MailSteps.LinkIn(notice.TextBody, "/subscribe/manage"));
        var (opened, page) = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(email, page.Text("main"), StringComparison.Ordinal);

        var (saved, _) = await browser.SubmitAsync(page, "form.preferences-form",
            new() { ["Form.AllTopics"] = "false", ["Form.Topics"] = new[] { "alliance", "training" }, ["Form.Paused"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await browser.FollowAsync(saved);
        Assert.Contains("paused", after.Text(".flash"), StringComparison.Ordinal);
        var subscriber = await site.DbAsync(db => db.Subscribers.Include(s => s.Topics)
            .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));
        Assert.Equal(SubscriberStatus.Paused, subscriber.Status);
        Assert.False(subscriber.AllTopics);
        Assert.Equal(["alliance", "training"], subscriber.Topics.Select(t => t.Slug).Order());
    }

    [Fact]
    public async Task Choosing_only_some_topics_but_ticking_none_says_so_beside_the_topics_and_keeps_the_choice_on_screen()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"undecided@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        var browser = site.Anonymous();
        var (_, page) = await browser.GetAsync(
            $"/subscribe/manage?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}");

        var (response, refused) = await browser.SubmitAsync(page, "form.preferences-form",
            new() { ["Form.AllTopics"] = "false", ["Form.Topics"] = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", refused.Title, StringComparison.Ordinal);
        Assert.Equal("#Form_Topics", refused.Element(".error-summary a").GetAttribute("href"));
        Assert.NotNull(refused.QuerySelector("#Form_Topics[type=checkbox]"));
        Assert.False(string.IsNullOrWhiteSpace(refused.Element("#preferences-topics-error").TextContent));
        Assert.Equal("false", refused.Element("input[name='Form.AllTopics'][checked]").GetAttribute("value"));
        Assert.True((await site.DbAsync(db => db.Subscribers.SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken)))
            .AllTopics);
    }

    [Fact]
    public async Task Pages_opened_from_a_signed_link_keep_the_token_out_of_their_canonical_and_og_url()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"private@{MailSteps.NewDomain()}";
        await MailSteps.SubscribeAsync(site, email);
        var confirmLink = MailSteps.LinkIn((await MailSteps.OnlyMessageToAsync(smtp, email)).TextBody, "/subscribe/confirm");
        var confirmToken = System.Web.HttpUtility.ParseQueryString(new Uri(confirmLink).Query)["token"]!;
        var browser = site.Anonymous();

        var (_, confirmPage) = await MailSteps.FollowAsync(site, confirmLink);
        AssertAddressWithoutToken(confirmPage, "/subscribe/confirm", confirmToken);
        var (_, confirmed) = await browser.SubmitAsync(confirmPage, "main form", []);
        AssertAddressWithoutToken(confirmed, "/subscribe/confirm", confirmToken);

        var token = await MailSteps.PreferencesTokenAsync(site, email);
        var (_, manage) = await browser.GetAsync($"/subscribe/manage?token={Uri.EscapeDataString(token)}");
        Assert.Contains(email, manage.Text("main"), StringComparison.Ordinal);
        AssertAddressWithoutToken(manage, "/subscribe/manage", token);
        var (_, unsubscribe) = await browser.GetAsync($"/subscribe/unsubscribe?token={Uri.EscapeDataString(token)}");
        AssertAddressWithoutToken(unsubscribe, "/subscribe/unsubscribe", token);
        var (_, left) = await browser.SubmitAsync(unsubscribe, "main form", []);
        Assert.Equal("You are unsubscribed", left.Text("h1"));
        AssertAddressWithoutToken(left, "/subscribe/unsubscribe", token);
    }

    private static void AssertAddressWithoutToken(AngleSharp.Html.Dom.IHtmlDocument page, string path, string token)
    {
        var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var openGraph = page.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        Assert.Equal("http://localhost" + path, canonical);
        Assert.Equal("http://localhost" + path, openGraph);
        foreach (var spelling in new[] { token, Uri.EscapeDataString(token) })
        {
            Assert.DoesNotContain(spelling, canonical, StringComparison.Ordinal);
            Assert.DoesNotContain(spelling, openGraph, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_preferences_link_past_its_lifetime_shows_no_address_and_a_new_link_arrives_by_mail_for_a_subscribed_address_only()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        var email = $"yearly@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, email, "empathy");
        var oldLink = $"/subscribe/manage?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}";
        var browser = site.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(oldLink)).Response.StatusCode);

        site.Clock.Now += MailTokens.PreferencesLifetime + TimeSpan.FromDays(1);
        var (expired, page) = await browser.GetAsync(oldLink);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("This link has expired", page.Text("h1"));
        Assert.DoesNotContain(email, page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("Empathy", page.Text("main"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.preferences-form"));

        // The same answer for an address that is not subscribed, and nothing is sent to it.
        var stranger = $"stranger@{domain}";
        var (strangerAsked, strangerAnswer) = await browser.SubmitAsync(page, "form.preferences-link-form",
            new() { ["Form.Email"] = stranger });
        var (asked, answer) = await browser.SubmitAsync(page, "form.preferences-link-form",
            new() { ["Form.Email"] = email.ToUpperInvariant() });
        Assert.Equal(strangerAsked.Headers.Location, asked.Headers.Location);
        var (_, sent) = await browser.FollowAsync(asked);
        Assert.Equal("Check your inbox", sent.Text("h1"));
        Assert.Equal((await browser.FollowAsync(strangerAsked)).Html.Text("main"), sent.Text("main"));

        var mail = await MailSteps.OnlyMessageToAsync(smtp, email, expected: 2);
        Assert.Equal("Your new link to your PPRNet Research Blog digest preferences", mail.Subject);
        Assert.StartsWith("<http://localhost/subscribe/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        // The outbox sends in order: the stranger's request, had it queued anything, went first.
        Assert.DoesNotContain(await smtp.MessagesToAsync(domain), m => m.Envelope.Contains(stranger));
        var (fresh, preferences) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(mail.TextBody, "/subscribe/manage"));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains(email, preferences.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(preferences.QuerySelector("form.preferences-form"));
    }

    [Fact]
    public async Task Asking_for_new_preferences_links_counts_against_the_addresss_subscribe_limit()
    {
        // One request for the subscription, one for a link; the third asks too often.
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, new() { ["RateLimits:SubscribePerEmail:PermitLimit"] = "2" });
        var email = $"impatient@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        var browser = site.Anonymous();
        foreach (var _ in new[] { 1, 2 })
        {
            var (asked, _) = await browser.SubmitAsync("/subscribe/preferences-link", "form.preferences-link-form",
                new() { ["Form.Email"] = email });
            Assert.Equal("/subscribe/preferences-link/sent", asked.Headers.Location?.OriginalString);
        }

        Assert.Equal(1, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.PreferencesLink,
            TestContext.Current.CancellationToken)));
        Assert.Equal("Your new link to your PPRNet Research Blog digest preferences",
            (await MailSteps.OnlyMessageToAsync(smtp, email, expected: 2)).Subject);
    }

    [Fact]
    public async Task A_preferences_link_made_before_links_carried_their_time_counts_as_expired_but_still_unsubscribes()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"old-link@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        var key = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Key)
            .SingleAsync(TestContext.Current.CancellationToken));
        // As the site made them until now: the subscriber's key alone.
        var oldToken = Uri.EscapeDataString(site.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("PPRNet.Mail.Manage.v1").ToTimeLimitedDataProtector()
                .Protect(key.ToString("N"), DateTimeOffset.UtcNow.AddYears(10)));
        var browser = site.Anonymous();

        var (expired, page) = await browser.GetAsync($"/subscribe/manage?token={oldToken}");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("This link has expired", page.Text("h1"));
        Assert.DoesNotContain(email, page.Text("main"), StringComparison.Ordinal);

        var (_, ask) = await browser.GetAsync($"/subscribe/unsubscribe?token={oldToken}");
        Assert.DoesNotContain(email, ask.Text("main"), StringComparison.Ordinal);
        var (left, done) = await browser.SubmitAsync(ask, "main form", []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("You are unsubscribed", done.Text("h1"));
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));
    }

    [Fact]
    public async Task A_preferences_link_shows_nothing_personal_once_the_address_has_left_been_erased_or_bounced()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        string left = $"left@{domain}", erased = $"erased@{domain}", bounced = $"bounced@{domain}";
        var links = new Dictionary<string, string>();
        foreach (var email in new[] { left, erased, bounced })
        {
            await MailSteps.ConfirmedAsync(site, smtp, email, "empathy");
            links[email] = $"/subscribe/manage?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}";
        }

        var browser = site.Anonymous();
        await browser.SubmitAsync(links[left].Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal), "main form", []);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, found) = await admin.GetAsync($"/admin/subscribers?email={Uri.EscapeDataString(erased)}");
        await admin.SubmitAsync(found, "form.delete-subscriber", []);
        await site.DbAsync(db => db.Subscribers.Where(s => s.Email == bounced)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubscriberStatus.Undeliverable),
                TestContext.Current.CancellationToken));

        foreach (var email in new[] { left, erased, bounced })
        {
            var (response, page) = await browser.GetAsync(links[email]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("This subscription has ended", page.Text("h1"));
            var main = page.Text("main");
            Assert.DoesNotContain(email, main, StringComparison.Ordinal);
            Assert.DoesNotContain("Empathy", main, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("form.preferences-form"));
            Assert.Equal("Subscribe again", page.Text("main a[href='/subscribe']"));

            var (_, unsubscribe) = await browser.GetAsync(links[email].Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal));
            Assert.DoesNotContain(email, unsubscribe.Text("main"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_tampered_preferences_link_is_a_clear_400_page()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (response, page) = await site.GetPageAsync("/subscribe/manage?token=CfDJ8-made-up");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This link is not valid", page.Text("h1"));
    }

    [Fact]
    public async Task An_admin_exports_a_subscribers_data_and_deletes_it_for_good()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"gdpr@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email, "empathy");
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, found) = await admin.GetAsync($"/admin/subscribers?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        var export = found.Href("a[href$='/export']")!;
        var json = await admin.Client.GetStringAsync(new Uri(export, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(email, json, StringComparison.Ordinal);
        Assert.Contains("Empathy", json, StringComparison.Ordinal);
        Assert.Contains(SubscribeForm.ConsentWording.Replace("'", "\\u0027", StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.Contains("Confirmation", json, StringComparison.Ordinal);

        var (deleted, _) = await admin.SubmitAsync(found, "form.delete-subscriber", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await site.DbAsync(db => db.Subscribers.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken)));
        var (_, audit) = await admin.GetAsync("/admin/audit");
        Assert.Contains("deleted subscriber #", audit.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(email, audit.Body!.TextContent, StringComparison.Ordinal);

        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/subscribers")).Response.StatusCode);
    }
}
