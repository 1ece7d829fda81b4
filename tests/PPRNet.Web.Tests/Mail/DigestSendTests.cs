using System.Net;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Admin;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>Editors preview and send a month's digest; what arrives at a real SMTP server is checked.</summary>
[Collection(MailCollection.Name)]
public sealed class DigestSendTests(Smtp4dev smtp)
{
    internal const string April = "PPRNet Research Blog: April 2021";

    /// <summary>A digest's subject starts with its month and goes on to name what is inside.</summary>
    internal static bool IsDigestOf(Smtp4dev.Received message, string month) =>
        message.Message.Subject!.StartsWith($"PPRNet Research Blog: {month}", StringComparison.Ordinal);

    [Fact]
    public async Task Editors_preview_a_month_as_every_topic_and_as_one_topic()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);
        var (_, list) = await editor.GetAsync("/admin/digests");
        Assert.Contains("April 2021", list.Texts("table a"));
        Assert.Contains("Not sent", list.Text("tbody"), StringComparison.Ordinal);

        var (_, all) = await editor.GetAsync("/admin/digests/2021-04");
        Assert.Equal(April + " - Mindfulness and Empathy in Therapists and 1 more", all.Text(".preview-subject"));
        Assert.Equal(["Mindfulness and Empathy in Therapists", "What Clients Say About the Alliance"],
            all.Texts(".preview-titles li").Order());
        Assert.Contains("This month we read about *empathy*", all.Text(".mail-text"), StringComparison.Ordinal);

        var (_, alliance) = await editor.GetAsync("/admin/digests/2021-04?topic=alliance");
        Assert.Equal(["What Clients Say About the Alliance"], alliance.Texts(".preview-titles li"));
        var (_, depression) = await editor.GetAsync("/admin/digests/2021-04?topic=depression");
        Assert.Contains("gets no email", depression.Text(".preview-empty"), StringComparison.Ordinal);

        var (html, _) = await editor.GetAsync("/admin/digests/2021-04/preview.html?topic=alliance");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("style-src 'unsafe-inline'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("script", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_mails_each_confirmed_subscriber_whose_topics_match_once_with_both_parts_headers_and_working_links()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        string everything = $"everything@{domain}", alliance = $"alliance@{domain}", depression = $"depression@{domain}",
            pending = $"pending@{domain}", paused = $"paused@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, everything);
        await MailSteps.ConfirmedAsync(site, smtp, alliance, "alliance");
        await MailSteps.ConfirmedAsync(site, smtp, depression, "depression");
        await MailSteps.ConfirmedAsync(site, smtp, paused);
        await site.Anonymous().SubmitAsync(
            $"/subscribe/manage?token={Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, paused))}",
            "form.preferences-form", new() { ["Form.Paused"] = "true" });
        await MailSteps.SubscribeAsync(site, pending);

        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, confirm) = await admin.GetAsync("/admin/digests/2021-04/send");
        Assert.Contains("Yes, send to 2 subscribers", confirm.Text("form.send-form button"), StringComparison.Ordinal);
        var (sent, _) = await admin.SubmitAsync(confirm, "form.send-form", []);
        var (_, after) = await admin.FollowAsync(sent);
        Assert.Contains("queued for 2 confirmed subscribers", after.Text(".flash"), StringComparison.Ordinal);

        var digests = await smtp.WaitForAsync(domain, 2, filter: m => m.Message.Subject!.StartsWith(April, StringComparison.Ordinal));
        Assert.Equal([alliance, everything], digests.SelectMany(m => m.Envelope).Order(StringComparer.Ordinal));
        var full = digests.Single(m => m.Envelope.Contains(everything)).Message;
        var narrow = digests.Single(m => m.Envelope.Contains(alliance)).Message;
        Assert.Equal("digest@pprnet.example", full.From.Mailboxes.Single().Address);
        Assert.Equal("editors@pprnet.example", full.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(everything, full.To.Mailboxes.Single().Address);
        Assert.Equal("List-Unsubscribe=One-Click", full.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("<http://localhost/subscribe/unsubscribe?token=", full.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        foreach (var text in new[] { full.TextBody, full.HtmlBody })
        {
            Assert.Contains("empathy", text, StringComparison.Ordinal); // the month's intro
            Assert.Contains("Mindfulness and Empathy in Therapists", text, StringComparison.Ordinal);
            Assert.Contains("What Clients Say About the Alliance", text, StringComparison.Ordinal);
            Assert.Contains("Practice Implications", text, StringComparison.Ordinal);
            Assert.Contains("Ask clients how well they feel understood.", text, StringComparison.Ordinal);
            Assert.Contains("Cooper, D., &", text!.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // Each summary as a clinician decides whether to read on: type, bottom line, effect in words, certainty.
        Assert.Equal(April + " - Mindfulness and Empathy in Therapists and 1 more", full.Subject);
        Assert.Equal(April + " - What Clients Say About the Alliance", narrow.Subject);
        foreach (var text in new[] { full.TextBody!, full.HtmlBody! })
        {
            var plain = text.Replace("<strong>", "", StringComparison.Ordinal).Replace("</strong>", "", StringComparison.Ordinal)
                .Replace("<em>", "", StringComparison.Ordinal).Replace("</em>", "", StringComparison.Ordinal);
            Assert.Contains("Meta-analysis", plain, StringComparison.Ordinal);
            Assert.Contains("Qualitative study", plain, StringComparison.Ordinal);
            Assert.Contains("Bottom line: Therapists who rated themselves as more mindful reported", plain, StringComparison.Ordinal);
            Assert.Contains("Association: r = .27, 95% CI [.09, .44] (mindfulness and empathy): an association from below small to large",
                plain, StringComparison.Ordinal);
            Assert.Contains("How far to trust it: Very low certainty. One-time self-reports of general tendencies", plain,
                StringComparison.Ordinal);
            Assert.True(plain.IndexOf("Bottom line:", StringComparison.Ordinal)
                < plain.IndexOf("Practice Implications", StringComparison.Ordinal));
        }

        Assert.Equal(["Read the full summary", "Read the full summary"],
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(full.HtmlBody!).QuerySelectorAll("p > a")
                .Select(a => a.TextContent).Where(t => t.StartsWith("Read", StringComparison.Ordinal)));
        Assert.DoesNotContain("Mindfulness and Empathy", narrow.TextBody, StringComparison.Ordinal);
        Assert.Contains("Invite feedback on the relationship.", narrow.TextBody, StringComparison.Ordinal);

        // Readable without remote anything: real headings, inline styles, no script, images or stylesheets.
        var html = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(full.HtmlBody!, TestContext.Current.CancellationToken);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(html.QuerySelector("h1"));
        Assert.Equal(2, html.QuerySelectorAll("h2").Length);
        Assert.Empty(html.QuerySelectorAll("script, img, link, iframe, form"));
        Assert.NotNull(html.QuerySelector("h1[style]"));

        // Every link works against the running site.
        foreach (var link in MailSteps.AllLinks(full.TextBody!))
        {
            var (response, _) = await MailSteps.FollowAsync(site, link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {response.StatusCode}");
        }

        var (summary, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(narrow.TextBody, "/blog/2021/04/alliance-voices"));
        Assert.Equal("What Clients Say About the Alliance", page.Text("h1"));
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);

        var (_, progress) = await admin.GetAsync("/admin/digests");
        Assert.Contains("2 sent, 0 queued, 0 failed", progress.Text("tbody"), StringComparison.Ordinal);
        var (_, audit) = await admin.GetAsync("/admin/audit");
        Assert.Contains(audit.QuerySelectorAll("tr"), row => row.Text().Contains("digest-send", StringComparison.Ordinal)
            && row.Text().Contains(BlogSite.AdminEmail, StringComparison.Ordinal)
            && row.Text().Contains("digest 2021-04", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_month_goes_out_once_and_a_second_send_does_nothing_and_says_so()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        await MailSteps.ConfirmedAsync(site, smtp, $"once@{domain}");
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, confirm) = await admin.GetAsync("/admin/digests/2021-04/send");
        await admin.SubmitAsync(confirm, "form.send-form", []);
        // The same confirmation page, submitted again (a double click, a second tab).
        var (again, _) = await admin.SubmitAsync(confirm, "form.send-form", []);
        var (_, page) = await admin.FollowAsync(again);
        Assert.Contains("already sent", page.Text(".flash"), StringComparison.Ordinal);
        Assert.Contains("nothing was sent again", page.Text(".flash"), StringComparison.Ordinal);

        // Once the outbox holds nothing queued, everything queued has arrived or never will.
        Assert.Single(await smtp.WaitForAsync(domain, 1, filter: m => m.Message.Subject!.StartsWith(April, StringComparison.Ordinal)));
        await Eventually.Async(
            async () => !await site.DbAsync(
                db => db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Queued, TestContext.Current.CancellationToken)),
            TimeSpan.FromSeconds(10), "the outbox holds nothing queued");

        Assert.Equal(1, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken)));
        Assert.Equal(1, (await smtp.MessagesToAsync(domain)).Count(m => m.Message.Subject!.StartsWith(April, StringComparison.Ordinal)));
        Assert.Equal(1, await site.DbAsync(db => db.Digests.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_test_goes_only_to_the_signed_in_editor_as_the_chosen_topics_reader_gets_it()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        await MailSteps.ConfirmedAsync(site, smtp, $"reader@{domain}");
        var tester = await site.AddAccountAsync(Roles.Editor);
        var editor = await site.SignedInAsync(tester);
        var (_, page) = await editor.GetAsync("/admin/digests/2021-04?topic=alliance");
        var (queued, _) = await editor.SubmitAsync(page, "form.test-form", []);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);

        var test = await MailSteps.OnlyMessageToAsync(smtp, tester);
        Assert.Equal("[Test] " + April + " - What Clients Say About the Alliance", test.Subject);
        Assert.Contains("What Clients Say About the Alliance", test.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Mindfulness and Empathy", test.TextBody, StringComparison.Ordinal);
        Assert.Contains("Alliance and Therapeutic Relationship", test.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, await smtp.CountAsync(domain)); // the subscriber's confirmation only
        Assert.Equal(0, await site.DbAsync(db => db.Digests.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_month_with_no_published_summaries_cannot_be_sent_and_nothing_is_stored()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        await MailSteps.ConfirmedAsync(site, smtp, $"reader@{MailSteps.NewDomain()}");
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/digests/2021-07");
        Assert.Contains("July 2021 has no published summaries", page.Text("main"), StringComparison.Ordinal);
        Assert.False(page.Has("form.test-form"));

        var (_, sendPage) = await admin.GetAsync("/admin/digests/2021-04/send");
        var token = sendPage.Element("form.send-form input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var response = await admin.PostRawAsync("/admin/digests/2021-07/send", new() { ["__RequestVerificationToken"] = token });
        var (_, after) = await admin.FollowAsync(response);
        Assert.Equal("July 2021 has no published summaries, so there is no digest to send. Nothing was sent.", after.Text(".flash"));
        Assert.Equal(0, await site.DbAsync(db => db.Digests.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await site.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Digest,
            TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/digests/2021-13")).Response.StatusCode);
    }

    [Fact]
    public async Task Mail_that_could_not_reach_the_server_is_kept_and_delivered_once_the_server_answers()
    {
        var database = AppCommand.NewDatabasePath();
        var email = $"patient@{MailSteps.NewDomain()}";
        try
        {
            await using (var down = await MailSite.StartAsync(AppServer.FreePort(), databasePath: database))
            {
                await MailSteps.SubscribeAsync(down, email);
                await Eventually.Async(
                    () => down.DbAsync(db => db.Outbox.AnyAsync(
                        m => m.Attempts > 0 && m.LastError != null && m.Status == OutboxStatus.Queued,
                        TestContext.Current.CancellationToken)),
                    TimeSpan.FromSeconds(10), "the first attempt has failed and the message is kept for a retry");
            }

            await using var up = await MailSite.StartAsync(smtp.SmtpPort, databasePath: database);
            up.Clock.Now += TimeSpan.FromMinutes(5); // past the retry's back-off
            var confirmation = await MailSteps.OnlyMessageToAsync(smtp, email);
            Assert.Equal("Confirm your subscription to the PPRNet Research Blog", confirmation.Subject);
        }
        finally
        {
            AppCommand.DeleteDatabase(database);
        }
    }
}
