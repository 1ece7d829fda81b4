using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>What the sender does with each kind of refusal, against a server that refuses on cue
/// (smtp4dev accepts everything).</summary>
public sealed class SmtpRefusalTests
{
    [Fact]
    public async Task An_address_the_server_refuses_with_a_5xx_is_marked_undeliverable_and_not_tried_again()
    {
        await using var server = new ScriptedSmtpServer
        {
            RecipientReply = to => to == "nobody@refused.example" ? "550 5.1.1 No such mailbox here" : null,
        };
        await using var site = await MailSite.StartAsync(server.Port);
        await MailSteps.SubscribeAsync(site, "nobody@refused.example");
        await MailSteps.SubscribeAsync(site, "somebody@accepted.example");

        await WaitForDeliveryAsync(server, "somebody@accepted.example");
        var refused = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Email == "nobody@refused.example",
            TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Undeliverable, await site.StatusOfAsync("nobody@refused.example"));
        Assert.Equal(1, server.RecipientAttempts("nobody@refused.example"));
    }

    [Fact]
    public async Task A_message_the_server_refuses_with_a_5xx_after_its_data_fails_that_row_and_leaves_the_address_alone()
    {
        // 554 after DATA is about the message (size, content policy), not the reader's address.
        await using var server = new ScriptedSmtpServer
        {
            MessageReply = data =>
                data.Contains("To: policy@refused.example", StringComparison.Ordinal) ? "554 5.7.1 Message refused by policy" : null,
        };
        await using var site = await MailSite.StartAsync(server.Port);
        await MailSteps.SubscribeAsync(site, "policy@refused.example");
        await MailSteps.SubscribeAsync(site, "somebody@accepted.example");

        await WaitForDeliveryAsync(server, "somebody@accepted.example");
        var refused = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Email == "policy@refused.example",
            TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.StartsWith("554", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, await site.StatusOfAsync("policy@refused.example"));
        var subscriber = await site.DbAsync(db => db.Subscribers.SingleAsync(s => s.Email == "policy@refused.example",
            TestContext.Current.CancellationToken));
        Assert.Null(subscriber.UndeliverableReason);
    }

    [Fact]
    public async Task A_4xx_for_one_address_retries_that_row_later_and_the_rest_of_the_outbox_goes_on_at_once()
    {
        // With an hour's back-off, a pause of the whole outbox would hold the second address for a minute.
        await using var server = new ScriptedSmtpServer
        {
            RecipientReply = to => to == "greylisted@later.example" ? "451 4.7.1 Greylisted, try again later" : null,
        };
        await using var site = await MailSite.StartAsync(server.Port, new() { ["Mail:RetryBaseSeconds"] = "3600" });
        await MailSteps.SubscribeAsync(site, "greylisted@later.example");
        await Eventually.Async(() => server.RecipientAttempts("greylisted@later.example") > 0, TimeSpan.FromSeconds(10),
            "the sender has tried greylisted@later.example once");

        await MailSteps.SubscribeAsync(site, "somebody@accepted.example");
        await WaitForDeliveryAsync(server, "somebody@accepted.example", seconds: 15);
        var waiting = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Email == "greylisted@later.example",
            TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.StartsWith("451", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.NextAttemptAt > site.Clock.Now, "the greylisted row waits its own back-off");
        Assert.Equal(SubscriberStatus.Pending, await site.StatusOfAsync("greylisted@later.example"));
        Assert.Equal(1, server.RecipientAttempts("greylisted@later.example"));
    }

    private static async Task WaitForDeliveryAsync(ScriptedSmtpServer server, string email, int seconds = 10)
    {
        await Eventually.Async(() => server.Delivered.Contains(email), TimeSpan.FromSeconds(seconds), $"the mail to {email} was delivered");
        Assert.Contains(email, server.Delivered);
    }
}
