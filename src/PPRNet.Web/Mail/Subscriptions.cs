using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>Subscribing, confirming, preferences and leaving: the reader's side. Every answer to the
/// public is the same whether or not an address was known. Admins' access and erasure requests are
/// SubscriberRecords; the 30-day sweep of unconfirmed requests is UnconfirmedRequests.</summary>
public sealed partial class Subscriptions(
    BlogDbContext db, MailTokens tokens, SubscribeLimiter limiter, MailSignal signal,
    TimeProvider clock, IStringLocalizer<Ui> t, ILogger<Subscriptions> logger)
{
    /// <summary>Checks the form; when it is fine, records the request and queues the confirmation
    /// (or, for an address already subscribed, a note saying so). Returns problems by field.</summary>
    public async Task<IReadOnlyList<FieldError>> SubscribeAsync(SubscribeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<FieldError>();
        if (!SubscriberAddress.TryNormalize(t, form.Email, out var email, out var problem))
        {
            problems.Add(new FieldError(nameof(form.Email), problem));
        }

        // A form without the field (a page cached before it had one) is in the page's language.
        var language = string.IsNullOrEmpty(form.Language) ? SiteLanguage.Code : form.Language;
        if (!SiteLanguage.Codes.Contains(language))
        {
            problems.Add(new FieldError(nameof(form.Language), LanguageProblem()));
        }

        var (topicIds, topicProblem) = await TopicIdsAsync(form.Topics, cancellationToken);
        if (topicProblem is not null)
        {
            problems.Add(new FieldError(nameof(form.Topics), topicProblem));
        }

        if (problems.Count > 0 || email is null)
        {
            return problems;
        }

        if (!string.IsNullOrEmpty(form.Website))
        {
            LogHoneypot(logger);
            return problems;
        }

        var normalized = SubscriberAddress.Normalize(email);
        if (!limiter.Allow(normalized))
        {
            LogTooMany(logger);
            return problems;
        }

        var now = clock.GetUtcNow();
        var subscriber = await db.Subscribers.Include(s => s.Topics).SingleOrDefaultAsync(s => s.NormalizedEmail == normalized,
            cancellationToken);
        if (subscriber is { Status: SubscriberStatus.Confirmed or SubscriberStatus.Paused })
        {
            // Nothing about a live subscription changes on a stranger's say-so; the owner is told.
            db.Outbox.Add(OutboxMessage.To(OutboxKind.AlreadySubscribed, subscriber, now));
        }
        else
        {
            if (subscriber is null)
            {
                subscriber = new Subscriber
                {
                    Key = Guid.NewGuid(),
                    Email = email,
                    NormalizedEmail = normalized,
                    Status = SubscriberStatus.Pending,
                    ConfirmStamp = MailTokens.NewStamp(),
                    CreatedAt = now,
                    // Nothing confirmed to protect yet: the first request stands as the record
                    // until a link is followed, which writes the request it confirms.
                    ConsentAt = now,
                    ConsentPage = Page(form.Page),
                    ConsentWording = SubscribeForm.Wording(t),
                    Language = language,
                };
                db.Subscribers.Add(subscriber);
            }

            // Kept apart until confirmed: an address that left (or bounced) keeps its status, its
            // topics and the consent its owner once confirmed, and is sent nothing but this link.
            subscriber.PendingAt = now;
            subscriber.PendingPage = Page(form.Page);
            // The wording as the page showed it, in its language.
            subscriber.PendingWording = SubscribeForm.Wording(t);
            // Only an address that gets nothing but this link: its confirmation comes in the
            // language asked for, and so does all that follows if its owner confirms.
            subscriber.Language = language;
            subscriber.PendingTopics = string.Join(',',
                topicIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            subscriber.UpdatedAt = now;
            db.Outbox.Add(OutboxMessage.To(OutboxKind.Confirmation, subscriber, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same address sent twice at once: the first one stands, the answer is the same.
            db.ChangeTracker.Clear();
            return problems;
        }

        signal.Poke();
        return problems;
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var check = tokens.ReadConfirmation(token, out var key, out var stamp);
        if (check == TokenCheck.Invalid)
        {
            return ConfirmOutcome.Invalid;
        }

        var subscriber = await db.Subscribers.Include(s => s.Topics).SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (subscriber is null || subscriber.ConfirmStamp != stamp)
        {
            return ConfirmOutcome.Invalid;
        }

        if (subscriber.Status is SubscriberStatus.Confirmed or SubscriberStatus.Paused)
        {
            return ConfirmOutcome.AlreadyConfirmed;
        }

        if (check == TokenCheck.Expired)
        {
            return ConfirmOutcome.Expired;
        }

        var now = clock.GetUtcNow();
        // Two presses of Confirm at once: the first to claim the row confirms it, the other waits for
        // the claim's write lock, finds it taken and answers as a repeat.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Subscribers
            .Where(s => s.Id == subscriber.Id && s.ConfirmStamp == stamp
                && s.Status != SubscriberStatus.Confirmed && s.Status != SubscriberStatus.Paused)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubscriberStatus.Confirmed), cancellationToken);
        if (claimed == 0)
        {
            return ConfirmOutcome.AlreadyConfirmed;
        }

        if (subscriber.PendingAt is { } requestedAt)
        {
            // The owner has now agreed to this request: it becomes the consent on record.
            subscriber.ConsentAt = requestedAt;
            subscriber.ConsentPage = subscriber.PendingPage ?? SubscribeUrls.Subscribe;
            subscriber.ConsentWording = subscriber.PendingWording ?? SubscribeForm.ConsentWording;
            var topicIds = (subscriber.PendingTopics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            await SetTopicsAsync(subscriber, topicIds.Count == 0, topicIds, cancellationToken);
            ClearRequest(subscriber);
        }

        subscriber.Status = SubscriberStatus.Confirmed;
        subscriber.ConfirmedAt = now;
        subscriber.UnsubscribedAt = null;
        subscriber.UndeliverableReason = null;
        subscriber.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>What a preferences or unsubscribe link names, and whether it is still good.</summary>
    public async Task<SubscriberLink> FromLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var check = tokens.ReadPreferences(token, out var key);
        return check == TokenCheck.Invalid
            ? new SubscriberLink(check, null)
            : new SubscriberLink(check, await db.Subscribers.Include(s => s.Topics).SingleOrDefaultAsync(s => s.Key == key,
                cancellationToken));
    }

    public async Task<IReadOnlyList<FieldError>?> SavePreferencesAsync(PreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var link = await FromLinkAsync(form.Token, cancellationToken);
        if (!link.IsLive)
        {
            return null;
        }

        var subscriber = link.Subscriber!;

        var problems = new List<FieldError>();
        var (topicIds, problem) = await TopicIdsAsync(form.Topics, cancellationToken);
        if (problem is not null || (!form.AllTopics && topicIds.Count == 0))
        {
            problems.Add(new FieldError(nameof(form.Topics), problem ?? t["Choose at least one topic, or every topic."]));
        }

        // A form without the field keeps the language the reader has.
        if (form.Language is { Length: > 0 } language && !SiteLanguage.Codes.Contains(language))
        {
            problems.Add(new FieldError(nameof(form.Language), LanguageProblem()));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        subscriber.Language = string.IsNullOrEmpty(form.Language) ? subscriber.Language : form.Language;

        await SetTopicsAsync(subscriber, form.AllTopics, topicIds, cancellationToken);
        subscriber.Status = form.Paused ? SubscriberStatus.Paused : SubscriberStatus.Confirmed;
        subscriber.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Takes effect at once: queued mail for the address is dropped in the same save, the
    /// sender checks again before each message, and the confirmation stamp changes so no earlier
    /// confirmation link can subscribe the address again. An expired link still unsubscribes (mail
    /// is kept for years, and RFC 8058 clients post whatever link the mail carried); one whose
    /// address was erased has nothing left to stop. Returns false only for a bad link.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await FromLinkAsync(token, cancellationToken);
        if (link.Check == TokenCheck.Invalid)
        {
            return false;
        }

        if (link.Subscriber is { } subscriber && subscriber.Status != SubscriberStatus.Unsubscribed)
        {
            var now = clock.GetUtcNow();
            subscriber.Status = SubscriberStatus.Unsubscribed;
            subscriber.UnsubscribedAt = now;
            subscriber.UpdatedAt = now;
            subscriber.ConfirmStamp = MailTokens.NewStamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Outbox.Where(m => m.SubscriberId == subscriber.Id && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Skipped).SetProperty(m => m.LastError,
                    "unsubscribed"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    private static void ClearRequest(Subscriber subscriber)
    {
        subscriber.PendingAt = null;
        subscriber.PendingPage = null;
        subscriber.PendingWording = null;
        subscriber.PendingTopics = null;
    }

    private string LanguageProblem() => t["Choose English or French."];

    /// <summary>Only our own paths are kept as where consent was given.</summary>
    private static string Page(string? page) =>
        page is { Length: > 0 and <= 200 } && page.StartsWith('/') && !page.StartsWith("//",
            StringComparison.Ordinal) && !page.Any(char.IsControl)
            ? page
            : SubscribeUrls.Subscribe;

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribe form with the honeypot filled in: ignored")]
    private static partial void LogHoneypot(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many subscribe requests for one address: no confirmation sent")]
    private static partial void LogTooMany(ILogger logger);
}
