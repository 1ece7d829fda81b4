using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Mail;

/// <summary>One batch of the outbox, in a scope of its own (a fresh DbContext each batch).</summary>
public sealed partial class OutboxWorker(
    BlogDbContext db, DigestQueue queue, UnconfirmedRequests unconfirmed, DigestComposer composer,
    MailTokens tokens, MailLinks links, MailTransport transport, IStringLocalizer<Ui> t,
    IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
{
    private const int BatchSize = 200;

    // By month and language: an edition's links and names are in the language it was read in.
    private readonly Dictionary<(string Month, string Language), DigestEdition?> editions = [];

    /// <summary>Queues scheduled digests whose time has come, and forgets unconfirmed addresses.</summary>
    public async Task QueueDueAsync(CancellationToken cancellationToken)
    {
        await queue.QueueDueAsync(cancellationToken);
        await unconfirmed.ForgetAsync(cancellationToken);
    }

    public async Task<BatchOutcome> SendBatchAsync(Pacer pacer, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        for (var handled = 0; handled < BatchSize; handled++)
        {
            var now = clock.GetUtcNow();
            // Confirmations, notes and editors' tests first: a reader who subscribes during a long
            // digest send should not wait for it to finish. Then everything else in order.
            var id = await Due(now).Where(m => m.DigestId == null).OrderBy(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(stoppingToken);
            if (id == 0)
            {
                id = await Due(now).OrderBy(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(stoppingToken);
            }

            if (id == 0)
            {
                return handled == 0 ? BatchOutcome.Idle : BatchOutcome.More;
            }

            await pacer.WaitAsync(stoppingToken);
            now = clock.GetUtcNow();
            var leaseUntil = now.AddSeconds(Math.Max(1, options.Value.LeaseSeconds));
            if (await Due(now).Where(m => m.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, leaseUntil), stoppingToken) == 0)
            {
                continue; // someone else has it
            }

            // From here the message is finished whatever happens to the host: a stop waits for it.
            if (!await SendOneAsync(id))
            {
                return BatchOutcome.ServerTrouble;
            }
        }

        return BatchOutcome.More;
    }

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) =>
        db.Outbox.Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    /// <summary>Returns false when the server is in trouble (the message will be retried).</summary>
    private async Task<bool> SendOneAsync(long id)
    {
        var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        var (message, skipReason) = await BuildAsync(row);
        if (message is null)
        {
            await Finish(id, OutboxStatus.Skipped, skipReason);
            return true;
        }

        try
        {
            await transport.SendAsync(message, CancellationToken.None);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            // This address is refused for good: it gets nothing more until its owner subscribes again.
            var reason = Describe(e);
            LogRefused(logger, id, reason);
            await Finish(id, OutboxStatus.Failed, reason);
            if (row.SubscriberId is { } subscriberId)
            {
                await db.Subscribers.Where(s => s.Id == subscriberId).ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Status, SubscriberStatus.Undeliverable)
                    .SetProperty(s => s.UndeliverableReason, reason)
                    .SetProperty(s => s.UpdatedAt, clock.GetUtcNow()));
            }

            return true;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.MessageNotAccepted && (int)e.StatusCode >= 500)
        {
            // The relay refused the message itself (too large, its content policy): the reader's
            // address is not at fault, and the same digest would be refused for every reader, so
            // only this row fails, and loudly, for an operator to look at.
            var reason = Describe(e);
            LogMessageRefused(logger, id, reason);
            await Finish(id, OutboxStatus.Failed, reason);
            return true;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            // A 4xx for one address (greylisting, a full mailbox): that row waits its own back-off
            // and the rest of the outbox goes on over the same connection.
            await RetryLaterAsync(row, Describe(e));
            return true;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException
            or System.Security.Authentication.AuthenticationException or TimeoutException
            or OperationCanceledException or NotSupportedException)
        {
            // The server or the connection is in trouble: the whole outbox waits a little.
            await transport.ResetAsync();
            await RetryLaterAsync(row, e is SmtpCommandException command ? Describe(command) : e.Message);
            return false;
        }

        // Only while still queued, as in Finish: an unsubscribe during the send has marked it
        // skipped, and that must stand.
        await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Queued).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, clock.GetUtcNow())
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));
        return true;
    }

    private async Task RetryLaterAsync(OutboxMessage row, string error)
    {
        var attempts = row.Attempts + 1;
        var settings = options.Value;
        var wait = TimeSpan.FromSeconds(Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, attempts - 1)));
        LogRetry(logger, row.Id, attempts, error);
        // Only while still queued: an unsubscribe during the attempt has marked it skipped for good.
        await db.Outbox.Where(m => m.Id == row.Id && m.Status == OutboxStatus.Queued).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.Status, attempts >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Queued)
            .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow() + wait)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Shorten(error)));
    }

    private Task Finish(long id, OutboxStatus status, string? reason) =>
        db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Queued).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.LastError, reason)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));

    /// <summary>The message as it should go now, or why it should not go at all: in the reader's
    /// language (an editor's test in the language it was asked for in), links included.</summary>
    private async Task<(MimeMessage? Message, string? SkipReason)> BuildAsync(OutboxMessage row)
    {
        if (row.Kind == OutboxKind.Test)
        {
            using (SiteLanguage.Use(SiteLanguage.Known(row.Language)))
            {
                return await BuildTestAsync(row);
            }
        }

        var subscriber = await db.Subscribers.AsNoTracking().Where(s => s.Id == row.SubscriberId)
            .Select(s => new { s.Key, s.Status, s.AllTopics, s.ConfirmStamp, s.Language, Topics = s.Topics.Select(t => t.Id).ToList() })
            .FirstOrDefaultAsync();
        if (subscriber is null)
        {
            return (null, "subscriber deleted");
        }

        using var language = SiteLanguage.Use(SiteLanguage.Known(subscriber.Language));
        var settings = options.Value;

        // One signed token names the subscriber for both pages.
        var token = tokens.Preferences(subscriber.Key);
        var preferences = links.Absolute(SiteLanguage.Local(SubscribeUrls.ManageWith(token)));
        var unsubscribe = links.Absolute(SiteLanguage.Local(SubscribeUrls.UnsubscribeWith(token)));
        var live = subscriber.Status is SubscriberStatus.Confirmed or SubscriberStatus.Paused;
        switch (row.Kind)
        {
            case OutboxKind.Confirmation when !live:
                var confirm = links.Absolute(SiteLanguage.Local(
                    SubscribeUrls.ConfirmWith(tokens.Confirmation(subscriber.Key, subscriber.ConfirmStamp))));
                // The site's home in the reader's language: the English one is the bare base address.
                var site = SiteLanguage.IsFrench ? links.Absolute(SiteLanguage.Local("/")) : links.Base;
                return (MailTemplates.Message(MailTemplates.Confirmation(t, confirm, site), settings, row.Email, null), null);
            case OutboxKind.AlreadySubscribed when live:
                return (MailTemplates.Message(MailTemplates.AlreadySubscribed(t, preferences, unsubscribe),
                    settings, row.Email, unsubscribe), null);
            case OutboxKind.PreferencesLink when live:
                return (MailTemplates.Message(MailTemplates.PreferencesLink(t, preferences, unsubscribe),
                    settings, row.Email, unsubscribe), null);
            case OutboxKind.Digest when subscriber.Status == SubscriberStatus.Confirmed:
                var edition = await EditionAsync(row.Month!);
                var wanted = edition?.For(subscriber.AllTopics, subscriber.Topics) ?? [];
                return wanted.Count == 0
                    ? (null, "no summaries on the subscriber's topics")
                    : (MailTemplates.Message(MailTemplates.Digest(t, edition!, wanted, null, preferences, unsubscribe),
                        settings, row.Email, unsubscribe), null);
            default:
                return (null, $"subscriber is {subscriber.Status.ToString().ToLowerInvariant()}");
        }
    }

    /// <summary>An editor's test: the digest as a reader of every topic, or of one, gets it.</summary>
    private async Task<(MimeMessage? Message, string? SkipReason)> BuildTestAsync(OutboxMessage row)
    {
        var test = await EditionAsync(row.Month!);
        if (test is null)
        {
            return (null, "no published summaries");
        }

        var french = SiteLanguage.IsFrench;
        var topic = row.TopicId is { } topicId
            ? await db.Topics.AsNoTracking().Where(topic => topic.Id == topicId).Select(topic => french ? topic.NameFr : topic.Name)
                .FirstOrDefaultAsync()
            : null;
        var items = test.ForTopic(topic is null ? null : row.TopicId);
        var note = topic is null
            ? t["Test: this is the digest as a reader of every topic gets it ({0} of {1} summaries).", items.Count, test.Items.Count]
            : t["Test: this is the digest as a reader of the topic “{0}” gets it ({1} of {2} summaries).", topic, items.Count,
                test.Items.Count];
        var subscribe = links.Absolute(SiteLanguage.Local(SubscribeUrls.Subscribe));
        var content = MailTemplates.Digest(t, test, items, note, subscribe, subscribe);
        return (MailTemplates.Message(content with { Subject = t["[Test] {0}", content.Subject] }, options.Value, row.Email, null), null);
    }

    /// <summary>The month's edition in the current language, read once per batch.</summary>
    private async Task<DigestEdition?> EditionAsync(string month)
    {
        var key = (month, SiteLanguage.Code);
        if (!editions.TryGetValue(key, out var edition))
        {
            edition = await composer.EditionAsync(month, CancellationToken.None);
            editions[key] = edition;
        }

        return edition;
    }

    private static string Describe(SmtpCommandException e) => Shorten($"{(int)e.StatusCode} {e.Message}");

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} refused for good: {Reason}")]
    private static partial void LogRefused(ILogger logger, long id, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox message {Id}: the mail server refused the message itself, not the address; "
        + "it is marked failed and the subscriber is left as is. "
        + "Check the relay's size or content limits: {Reason}")]
    private static partial void LogMessageRefused(ILogger logger, long id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed (attempt {Attempts}), will retry: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, string error);
}
