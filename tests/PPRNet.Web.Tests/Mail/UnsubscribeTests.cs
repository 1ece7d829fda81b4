using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>Leaving the digest: the unsubscribe link asks first, a mail client's one-click POST needs
/// no cookie or token, and nothing queued or sent afterwards reaches the address.</summary>
[Collection(MailCollection.Name)]
public sealed class UnsubscribeTests(Smtp4dev smtp)
{
    [Fact]
    public async Task The_unsubscribe_link_asks_first_then_unsubscribes_at_once()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"leaving@{MailSteps.NewDomain()}";
        var notice = await MailSteps.SubscriberWithNoticeAsync(site, smtp, email);
        var (opened, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(notice.TextBody, "/subscribe/unsubscribe"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, await site.StatusOfAsync(email));

        var (left, done) = await site.Anonymous().SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("You are unsubscribed", done.Text("h1"));
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_unsubscribes_without_cookie_or_antiforgery_token()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"oneclick@{MailSteps.NewDomain()}";
        var notice = await MailSteps.SubscriberWithNoticeAsync(site, smtp, email);
        Assert.Equal("List-Unsubscribe=One-Click", notice.Headers["List-Unsubscribe-Post"]);
        var header = notice.Headers["List-Unsubscribe"]?.Trim() ?? "";
        Assert.StartsWith("<http://localhost/subscribe/unsubscribe?token=", header, StringComparison.Ordinal);

        // As RFC 8058 has it: a POST of "List-Unsubscribe=One-Click" to the header's address, no cookies.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        var response = await site.Browser().PostAsync(new Uri(new Uri(header.Trim('<', '>')).PathAndQuery, UriKind.Relative), content,
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));

        var forged = await site.Browser().PostAsync(new Uri("/subscribe/unsubscribe?token=forged", UriKind.Relative), content,
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task One_click_unsubscribes_have_a_generous_per_client_address_limit_and_need_no_token_or_cookie()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, new() { ["RateLimits:UnsubscribePerAddress:PermitLimit"] = "3" });
        var email = $"limited@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        var link = $"/subscribe/unsubscribe?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        for (var i = 0; i < 2; i++)
        {
            var forged = await site.Browser().PostAsync(new Uri("/subscribe/unsubscribe?token=forged", UriKind.Relative), content,
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var real = await site.Browser().PostAsync(new Uri(link, UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));

        var over = await site.Browser().PostAsync(new Uri(link, UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.NotNull(over.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_unsubscribe_that_lands_while_its_digest_is_being_sent_is_not_overwritten_as_sent()
    {
        // The server holds the digest after its data until the reader has left.
        await using var server = new ScriptedSmtpServer { HoldMessagesContaining = "Subject: PPRNet Research Blog: April 2021" };
        await using var site = await MailSite.StartAsync(server.Port);
        var email = $"midway@{MailSteps.NewDomain()}";
        await MailSteps.SubscribeAsync(site, email);
        var key = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => new { s.Key, s.ConfirmStamp })
            .SingleAsync(TestContext.Current.CancellationToken));
        await site.Anonymous().SubmitAsync("/subscribe/confirm", "main form",
            new() { ["token"] = site.Services.GetRequiredService<MailTokens>().Confirmation(key.Key, key.ConfirmStamp) });
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        await admin.SubmitAsync("/admin/digests/2021-04/send", "form.send-form", []);
        await server.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var left = await site.Anonymous().PostRawAsync(
            $"/subscribe/unsubscribe?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}", []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        server.Release.SetResult();

        // The sender works one message at a time: once the next one has arrived, the digest is done.
        var next = $"next@{MailSteps.NewDomain()}";
        await MailSteps.SubscribeAsync(site, next);
        await Eventually.Async(() => server.Delivered.Contains(next), TimeSpan.FromSeconds(10), $"the mail to {next} was delivered");

        Assert.Contains(next, server.Delivered);
        var digest = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Skipped, digest.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));
    }

    [Fact]
    public async Task Unsubscribing_drops_mail_already_queued_and_an_old_confirmation_link_cannot_subscribe_again()
    {
        // No server listens, so the digest stays in the outbox while the reader leaves.
        await using var site = await MailSite.StartAsync(AppServer.FreePort(), new() { ["Mail:RetryBaseSeconds"] = "3600" });
        var email = $"queued@{MailSteps.NewDomain()}";
        await MailSteps.SubscribeAsync(site, email);
        var key = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => new { s.Key, s.ConfirmStamp })
            .SingleAsync(TestContext.Current.CancellationToken));
        var confirmToken = site.Services.GetRequiredService<MailTokens>().Confirmation(key.Key, key.ConfirmStamp);
        var browser = site.Anonymous();
        await browser.SubmitAsync("/subscribe/confirm", "main form", new() { ["token"] = confirmToken });
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        await admin.SubmitAsync("/admin/digests/2021-04/send", "form.send-form", []);
        Assert.Equal(1, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest && m.Status == OutboxStatus.Queued,
            TestContext.Current.CancellationToken)));

        var manage = await MailSteps.PreferencesTokenAsync(site, email);
        var (left, leftPage) = await browser.SubmitAsync($"/subscribe/unsubscribe?token={Uri.EscapeDataString(manage)}", "main form", []);
        Assert.Equal("You are unsubscribed", leftPage.Text("h1"));
        var digest = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Skipped, digest.Status);

        var (again, page) = await browser.SubmitAsync("/subscribe/confirm", "main form", new() { ["token"] = confirmToken });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("This link is not valid", page.Text("h1"));
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(email));
    }
}
