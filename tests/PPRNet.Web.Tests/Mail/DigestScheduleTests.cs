using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.Mail.DigestSendTests;

namespace PPRNet.Web.Tests.Mail;

/// <summary>A digest scheduled for later: typed and shown in the site's time zone, refused in the
/// past, and sent by the background service once its time comes and its summaries are published.</summary>
[Collection(MailCollection.Name)]
public sealed class DigestScheduleTests(Smtp4dev smtp)
{
    [Fact]
    public async Task A_scheduled_digest_is_sent_by_the_background_service_when_its_time_comes()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        await MailSteps.ConfirmedAsync(site, smtp, $"later@{domain}");
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (scheduled, _) = await admin.SubmitAsync("/admin/digests/2021-04", "form.schedule-form",
            new() { ["Form.SendAt"] = MailSteps.TypedInSiteZone(site.Clock.Now.AddHours(2)) });
        var (_, page) = await admin.FollowAsync(scheduled);
        Assert.Contains("Scheduled for", page.Text(".digest-state"), StringComparison.Ordinal);
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken)));

        site.Clock.Now += TimeSpan.FromHours(3);
        var digests = await smtp.WaitForAsync(domain, 1, filter: m => m.Message.Subject!.StartsWith(April, StringComparison.Ordinal));
        Assert.Single(digests);
        var (_, sent) = await admin.GetAsync("/admin/digests/2021-04");
        Assert.Contains("This month's digest has been sent", sent.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_time_is_typed_and_shown_in_the_sites_time_zone_and_stored_as_the_instant_it_names()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, month) = await admin.GetAsync("/admin/digests/2021-04");
        Assert.Equal("Or send at (America/Toronto time)", month.Text("label[for=Form_SendAt]"));

        // Noon in Toronto in summer is 16:00 UTC (EDT); in winter, 17:00 UTC (EST).
        var year = site.Clock.Now.Year + 1;
        foreach (var (typed, utcHour) in new[] { ($"{year}-07-01T12:00", 16), ($"{year}-01-15T12:00", 17) })
        {
            var (scheduled, _) = await admin.SubmitAsync("/admin/digests/2021-04", "form.schedule-form",
                new() { ["Form.SendAt"] = typed });
            var (_, page) = await admin.FollowAsync(scheduled);

            var stored = await site.DbAsync(db => db.Digests.Where(d => d.Month == "2021-04").Select(d => d.SendAt)
                .SingleAsync(TestContext.Current.CancellationToken));
            Assert.Equal(utcHour, stored!.Value.UtcDateTime.Hour);
            Assert.Equal(typed, page.Element("#Form_SendAt").GetAttribute("value"));
            Assert.Contains($"{typed.Replace('T', ' ')} (America/Toronto time)", page.Text(".flash"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_send_time_that_is_not_in_the_future_is_refused_beside_the_field_and_nothing_is_scheduled()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        foreach (var at in new[] { site.Clock.Now.AddHours(-1), site.Clock.Now })
        {
            var typed = MailSteps.TypedInSiteZone(at);
            var (refused, page) = await admin.SubmitAsync("/admin/digests/2021-04", "form.schedule-form",
                new() { ["Form.SendAt"] = typed });
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
            Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
            Assert.StartsWith("Choose a time after now", page.Text("#send-at-error"), StringComparison.Ordinal);
            Assert.Equal("#Form_SendAt", page.Element(".error-summary a").GetAttribute("href"));
            Assert.Equal("true", page.Element("#Form_SendAt").GetAttribute("aria-invalid"));
            Assert.Equal(typed, page.Element("#Form_SendAt").GetAttribute("value"));
        }

        Assert.Equal(0, await site.DbAsync(db => db.Digests.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_send_scheduled_before_the_months_summaries_are_published_waits_for_them_and_then_goes_out()
    {
        // May 2021's one summary publishes three days from the test clock's today.
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, moreContent: content => content.WriteSummary(
            "2021-05", "published-later",
            new Dictionary<string, string?>
            {
                ["title"] = "\"A Study Published Later\"",
                ["published"] = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }));
        var domain = MailSteps.NewDomain();
        await MailSteps.ConfirmedAsync(site, smtp, $"early@{domain}");
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, april) = await admin.GetAsync("/admin/digests/2021-04");
        var token = april.Element("form.schedule-form input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var at = MailSteps.TypedInSiteZone(site.Clock.Now.AddHours(1));
        await admin.PostRawAsync("/admin/digests/2021-05/schedule", new() { ["__RequestVerificationToken"] = token, ["Form.SendAt"] = at });

        // Its time comes with nothing published: it stays scheduled (the sender has run since).
        site.Clock.Now += TimeSpan.FromHours(2);
        await MailSteps.ConfirmedAsync(site, smtp, $"meanwhile@{domain}");
        Assert.Equal(DigestStatus.Scheduled, await site.DbAsync(db => db.Digests.Where(d => d.Month == "2021-05").Select(d => d.Status)
            .SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken)));

        site.Clock.Now += TimeSpan.FromDays(4);
        var digests = await smtp.WaitForAsync(domain, 2, filter: m => IsDigestOf(m, "May 2021"));
        Assert.Equal([$"early@{domain}", $"meanwhile@{domain}"], digests.SelectMany(m => m.Envelope).Order(StringComparer.Ordinal));
        Assert.Equal(DigestStatus.Queued, await site.DbAsync(db => db.Digests.Where(d => d.Month == "2021-05").Select(d => d.Status)
            .SingleAsync(TestContext.Current.CancellationToken)));
    }
}
