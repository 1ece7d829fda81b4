using System.Net;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

[Collection(MailCollection.Name)]
public sealed class SubscribeTests(Smtp4dev smtp)
{
    [Fact]
    public async Task Every_public_page_has_the_subscribe_form_in_its_footer_and_the_subscribe_page_offers_feeds()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (_, home) = await site.GetPageAsync("/");
        var footer = home.QuerySelector("footer form[action='/subscribe']");
        Assert.NotNull(footer);
        Assert.NotNull(footer.QuerySelector("input[name='Form.Email'][type=email]"));
        var (_, page) = await site.GetPageAsync("/subscribe");
        Assert.Contains("/feeds/all.rss", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/feeds/topics/empathy.atom", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Empathy", page.Texts("main .topic-choices label"));
    }

    [Fact]
    public async Task Subscribing_from_the_footer_sends_a_confirmation_and_nothing_else_until_its_link_is_followed()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"reader@{MailSteps.NewDomain()}";
        var (_, home) = await site.GetPageAsync("/blog/2021/04");
        var (response, _) = await site.Anonymous().SubmitAsync(home, "footer form", new() { ["Form.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/subscribe/check-your-inbox", response.Headers.Location!.OriginalString);

        var confirmation = await MailSteps.OnlyMessageToAsync(smtp, email);
        Assert.Equal("Confirm your subscription to the PPRNet Research Blog", confirmation.Subject);
        Assert.Equal("digest@pprnet.example", confirmation.From.Mailboxes.Single().Address);
        Assert.Contains("7 days", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirm my subscription", confirmation.HtmlBody, StringComparison.Ordinal);
        var subscriber = await site.DbAsync(db => db.Subscribers.SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal("/blog/2021/04", subscriber.ConsentPage);
        Assert.Equal(SubscribeForm.ConsentWording, subscriber.ConsentWording);
        Assert.True(subscriber.AllTopics);

        // A link scanner's GET changes nothing; the reader's press of the button confirms.
        var (opened, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(confirmation.TextBody, "/subscribe/confirm"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, await site.StatusOfAsync(email));
        var (confirmed, done) = await site.Anonymous().SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("You are subscribed", done.Text("h1"));
        Assert.Equal(SubscriberStatus.Confirmed, await site.StatusOfAsync(email));
    }

    [Fact]
    public async Task An_address_already_subscribed_gets_the_same_answer_and_its_topics_do_not_change()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        var known = $"known@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, known, "alliance");

        var (again, _) = await MailSteps.SubscribeAsync(site, known, "depression");
        var (stranger, _) = await MailSteps.SubscribeAsync(site, $"new@{domain}");
        Assert.Equal(stranger.StatusCode, again.StatusCode);
        Assert.Equal(stranger.Headers.Location, again.Headers.Location);

        var notice = await MailSteps.OnlyMessageToAsync(smtp, known, expected: 2);
        Assert.Equal("You are already subscribed to the PPRNet Research Blog", notice.Subject);
        var topics = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == known).SelectMany(s => s.Topics.Select(t => t.Slug))
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["alliance"], topics);
    }

    [Fact]
    public async Task A_filled_in_honeypot_gets_the_usual_answer_and_nothing_is_stored_or_sent()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        var (response, _) = await site.Anonymous().SubmitAsync("/subscribe", "main form.stacked-form",
            new() { ["Form.Email"] = $"bot@{domain}", ["Form.Website"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/subscribe/check-your-inbox", response.Headers.Location!.OriginalString);
        await MailSteps.ConfirmedAsync(site, smtp, $"person@{domain}"); // mail flows; the bot's did not
        Assert.Equal(0, await site.DbAsync(db => db.Subscribers.CountAsync(s => s.Email == $"bot@{domain}",
            TestContext.Current.CancellationToken)));
        Assert.Equal(1, await smtp.CountAsync(domain));
    }

    [Fact]
    public async Task One_address_gets_at_most_the_configured_number_of_confirmations_and_the_answer_stays_the_same()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, new() { ["RateLimits:SubscribePerEmail:PermitLimit"] = "2" });
        var email = $"victim@{MailSteps.NewDomain()}";
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await MailSteps.SubscribeAsync(site, i % 2 == 0 ? email : email.ToUpperInvariant());
            Assert.Equal("/subscribe/check-your-inbox", response.Headers.Location!.OriginalString);
        }

        await MailSteps.OnlyMessageToAsync(smtp, email, expected: 2);
        var total = await site.DbAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, total);
    }

    [Fact]
    public async Task One_client_address_over_its_limit_gets_429_with_retry_after()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, new() { ["RateLimits:SubscribePerAddress:PermitLimit"] = "2" });
        var domain = MailSteps.NewDomain();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await MailSteps.SubscribeAsync(site, $"r{i}@{domain}")).Response.StatusCode);
        }

        var (refused, _) = await MailSteps.SubscribeAsync(site, $"r9@{domain}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(0, await site.DbAsync(db => db.Subscribers.CountAsync(s => s.Email == $"r9@{domain}",
            TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("not-an-address", "Enter an email address such as name@example.org.")]
    [InlineData("", "Enter your email address.")]
    [InlineData("reader@example.org\r\nBcc: everyone@example.org",
        "An email address cannot contain spaces, line breaks or accented letters.")]
    [InlineData("reader@example.org\nSubject: hi", "An email address cannot contain spaces, line breaks or accented letters.")]
    [InlineData("Reader <reader@example.org>", "An email address cannot contain spaces, line breaks or accented letters.")]
    [InlineData("reader@example.org,other@example.org", "Enter an email address such as name@example.org.")]
    public async Task A_bad_address_is_refused_with_a_clear_message_and_nothing_is_stored_or_queued(string email, string message)
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (response, page) = await MailSteps.SubscribeAsync(site, email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.ErrorFor("Form.Email"));
        Assert.Equal(0, await site.DbAsync(db => db.Subscribers.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task An_overlong_address_or_an_unknown_topic_is_refused_and_nothing_is_stored()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (_, longPage) = await MailSteps.SubscribeAsync(site, new string('a', 250) + "@example.org");
        Assert.Equal("An email address has at most 254 characters.", longPage.ErrorFor("Form.Email"));

        var (response, page) = await site.Anonymous().SubmitAsync("/subscribe", "main form.stacked-form",
            new() { ["Form.Email"] = "reader@example.org", ["Form.Topics"] = new[] { "empathy", "no-such-topic\r\nX: y" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no topic", page.ErrorFor("Form.Topics"), StringComparison.Ordinal);
        Assert.Equal(0, await site.DbAsync(db => db.Subscribers.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_confirmation_link_older_than_seven_days_is_expired_and_a_tampered_one_is_invalid()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"late@{MailSteps.NewDomain()}";
        await MailSteps.SubscribeAsync(site, email);
        var link = MailSteps.LinkIn((await MailSteps.OnlyMessageToAsync(smtp, email)).TextBody, "/subscribe/confirm");
        var token = Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]);
        var browser = site.Anonymous();

        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var (forged, forgedPage) = await browser.SubmitAsync("/subscribe/confirm?token=x", "main form", new() { ["token"] = tampered });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("This link is not valid", forgedPage.Text("h1"));

        site.Clock.Now += TimeSpan.FromDays(8);
        var (expired, expiredPage) = await browser.SubmitAsync("/subscribe/confirm?token=x", "main form", new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("This link has expired", expiredPage.Text("h1"));
        Assert.Equal(SubscriberStatus.Pending,
            (await site.DbAsync(db => db.Subscribers.SingleAsync(TestContext.Current.CancellationToken))).Status);
    }

    [Fact]
    public async Task An_address_never_confirmed_is_forgotten_after_thirty_days()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        await MailSteps.SubscribeAsync(site, $"never@{domain}");
        await MailSteps.OnlyMessageToAsync(smtp, $"never@{domain}");
        site.Clock.Now += TimeSpan.FromDays(29);
        await MailSteps.ConfirmedAsync(site, smtp, $"kept@{domain}"); // the sender has run since the clock moved
        Assert.Equal(2, await site.DbAsync(db => db.Subscribers.CountAsync(TestContext.Current.CancellationToken)));

        site.Clock.Now += TimeSpan.FromDays(2);
        await Eventually.Async(
            async () => await site.DbAsync(db => db.Subscribers.CountAsync(TestContext.Current.CancellationToken)) <= 1,
            TimeSpan.FromSeconds(5), "the sweep has forgotten the address never confirmed");

        Assert.Equal([$"kept@{domain}"], await site.DbAsync(db => db.Subscribers.Select(s => s.Email)
            .ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_page_field_with_line_breaks_is_not_kept_as_where_consent_was_given()
    {
        // Only the address reaches a header (To); it has its own header-injection cases above. The
        // page field goes only into the consent record, where it must be one of our own paths.
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"crlf@{MailSteps.NewDomain()}";
        var (response, _) = await site.Anonymous().SubmitAsync("/subscribe", "main form.stacked-form",
            new() { ["Form.Email"] = email, ["Form.Page"] = "/blog\r\nBcc: everyone@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var subscriber = await site.DbAsync(db => db.Subscribers.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/subscribe", subscriber.ConsentPage);
        Assert.Equal("/subscribe", subscriber.PendingPage);
    }

    [Fact]
    public async Task Subscribing_again_after_leaving_changes_nothing_and_sends_nothing_but_the_link_until_it_is_followed()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        var email = $"returning@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, email, "alliance");
        var left = await site.Anonymous().PostRawAsync(
            $"/subscribe/unsubscribe?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}", []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var before = await site.DbAsync(db => db.Subscribers.AsNoTracking()
            .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));

        // A day later, someone asks again from a month's footer (every topic), as a stranger would.
        site.Clock.Now += TimeSpan.FromDays(1);
        var (_, month) = await site.GetPageAsync("/blog/2021/04");
        var (again, _) = await site.Anonymous().SubmitAsync(month, "footer form", new() { ["Form.Email"] = email });
        var (stranger, _) = await site.Anonymous().SubmitAsync(month, "footer form", new() { ["Form.Email"] = $"stranger@{domain}" });
        Assert.Equal(stranger.StatusCode, again.StatusCode);
        Assert.Equal(stranger.Headers.Location, again.Headers.Location);

        var waiting = await site.DbAsync(db => db.Subscribers.AsNoTracking().Include(s => s.Topics)
            .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));
        Assert.Equal(SubscriberStatus.Unsubscribed, waiting.Status);
        Assert.Equal(before.ConsentAt, waiting.ConsentAt);
        Assert.Equal("/subscribe", waiting.ConsentPage);
        Assert.False(waiting.AllTopics);
        Assert.Equal(["alliance"], waiting.Topics.Select(t => t.Slug));
        Assert.Equal("/blog/2021/04", waiting.PendingPage);

        // A digest sent now does not go to it.
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        await admin.SubmitAsync("/admin/digests/2021-04/send", "form.send-form", []);
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest && m.Email == email,
            TestContext.Current.CancellationToken)));

        // Its new link confirms the new request, which then becomes the consent on record.
        var confirmation = await MailSteps.OnlyMessageToAsync(smtp, email, expected: 2);
        Assert.Equal("Confirm your subscription to the PPRNet Research Blog", confirmation.Subject);
        var (_, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(confirmation.TextBody, "/subscribe/confirm"));
        await site.Anonymous().SubmitAsync(page, "main form", []);
        var confirmed = await site.DbAsync(db => db.Subscribers.AsNoTracking().Include(s => s.Topics)
            .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));
        Assert.Equal(SubscriberStatus.Confirmed, confirmed.Status);
        Assert.Equal("/blog/2021/04", confirmed.ConsentPage);
        Assert.Equal(waiting.PendingAt, confirmed.ConsentAt);
        Assert.True(confirmed.AllTopics);
        Assert.Empty(confirmed.Topics);
        Assert.Null(confirmed.PendingAt);
    }

    [Fact]
    public async Task An_unconfirmed_request_for_an_address_that_left_is_forgotten_after_thirty_days_and_the_address_stays_unsubscribed()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        var email = $"lapsed@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        await site.Anonymous().PostRawAsync(
            $"/subscribe/unsubscribe?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email))}", []);
        await MailSteps.SubscribeAsync(site, email, "alliance");
        Assert.NotNull(await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.PendingAt)
            .SingleAsync(TestContext.Current.CancellationToken)));

        site.Clock.Now += TimeSpan.FromDays(31);
        // The sweep runs at the top of the sender's loop. Another address's mail wakes the sender,
        // but a batch it is already sending goes on without the sweep, so the test waits for it.
        await MailSteps.ConfirmedAsync(site, smtp, $"later@{domain}");
        var kept = await Eventually.Async(
            () => site.DbAsync(db => db.Subscribers.AsNoTracking()
                .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken)),
            subscriber => subscriber.PendingAt is null, TimeSpan.FromSeconds(10), "the lapsed request is forgotten");
        Assert.Equal(SubscriberStatus.Unsubscribed, kept.Status);
        Assert.Null(kept.PendingAt);
        Assert.Null(kept.PendingTopics);
        Assert.True(kept.AllTopics);
    }
}
