using System.Net;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>Buttons pressed twice at once (a double click, two tabs, two editors) give the page a
/// repeat would give, never a 500 or a message about something that did not happen.</summary>
[Collection(MailCollection.Name)]
public sealed class DoubleClickTests(Smtp4dev smtp)
{
    [Fact]
    public async Task Confirm_pressed_four_times_at_once_subscribes_once_and_every_press_gets_a_page_that_says_so()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        for (var round = 0; round < 5; round++)
        {
            var email = $"twice{round}@{MailSteps.NewDomain()}";
            await MailSteps.SubscribeAsync(site, email, "empathy", "alliance");
            var link = MailSteps.LinkIn((await MailSteps.OnlyMessageToAsync(smtp, email)).TextBody, "/subscribe/confirm");
            var (_, page) = await MailSteps.FollowAsync(site, link);

            var presses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => site.Anonymous().SubmitAsync(page, "main form", [])));

            Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode));
            var headings = presses.Select(p => p.Html.Text("h1")).ToList();
            Assert.Equal(1, headings.Count(h => h == "You are subscribed"));
            Assert.Equal(3, headings.Count(h => h == "You are already subscribed"));
            var subscriber = await site.DbAsync(db => db.Subscribers.Include(s => s.Topics)
                .SingleAsync(s => s.Email == email, TestContext.Current.CancellationToken));
            Assert.Equal(SubscriberStatus.Confirmed, subscriber.Status);
            Assert.Equal(["alliance", "empathy"], subscriber.Topics.Select(t => t.Slug).Order());
        }
    }

    [Fact]
    public async Task Schedule_and_send_pressed_at_the_same_moment_send_the_month_once_and_neither_says_what_did_not_happen()
    {
        for (var round = 0; round < 4; round++)
        {
            await using var site = await MailSite.StartAsync(smtp.SmtpPort);
            var first = await site.SignedInAsync(BlogSite.AdminEmail);
            var second = await site.SignedInAsync(BlogSite.AdminEmail);
            var (_, sendPage) = await first.GetAsync("/admin/digests/2021-04/send");
            var (_, monthPage) = await second.GetAsync("/admin/digests/2021-04");
            var at = MailSteps.TypedInSiteZone(site.Clock.Now.AddDays(1));

            var send = first.SubmitAsync(sendPage, "form.send-form", []);
            var schedule = second.SubmitAsync(monthPage, "form.schedule-form", new() { ["Form.SendAt"] = at });
            await Task.WhenAll(send, schedule);

            Assert.Equal(HttpStatusCode.Redirect, send.Result.Response.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, schedule.Result.Response.StatusCode);
            var sent = (await first.FollowAsync(send.Result.Response)).Html.Text(".flash");
            var scheduled = (await second.FollowAsync(schedule.Result.Response)).Html.Text(".flash");
            Assert.Contains("digest is queued for", sent, StringComparison.Ordinal);
            Assert.True(scheduled.Contains("will be sent to confirmed subscribers", StringComparison.Ordinal)
                || scheduled.Contains("was already sent", StringComparison.Ordinal), scheduled);
            var digest = await site.DbAsync(db => db.Digests.SingleAsync(TestContext.Current.CancellationToken));
            Assert.Equal(DigestStatus.Queued, digest.Status);
        }
    }

    [Fact]
    public async Task Schedule_pressed_twice_at_once_schedules_the_month_once()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, monthPage) = await admin.GetAsync("/admin/digests/2021-04");
        var at = MailSteps.TypedInSiteZone(site.Clock.Now.AddDays(1));

        var presses = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(_ => admin.SubmitAsync(monthPage, "form.schedule-form", new() { ["Form.SendAt"] = at })));

        Assert.All(presses, p => Assert.Equal(HttpStatusCode.Redirect, p.Response.StatusCode));
        var digest = await site.DbAsync(db => db.Digests.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DigestStatus.Scheduled, digest.Status);
    }
}
