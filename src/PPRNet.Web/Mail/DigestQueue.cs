using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Mail;

public sealed record DigestProgress(int Queued, int Sent, int Failed, int Skipped)
{
    public int Total => Queued + Sent + Failed + Skipped;
}

public sealed record DigestState(string Month, DigestStatus? Status, DateTimeOffset? SendAt, DateTimeOffset? QueuedAt,
    string? RequestedBy, int Recipients, DigestProgress Progress);

/// <summary>Puts a month's digest into the outbox, once: the Digests row is unique per month, and
/// the row and all its recipients are written in one transaction, so a month is either not queued
/// at all or queued for everyone. Recipients are the confirmed subscribers (not paused, not
/// undeliverable) whose topics match at least one of the month's summaries.</summary>
public sealed class DigestQueue(BlogDbContext db, DigestComposer composer, AuditLog audit, MailSignal signal, TimeProvider clock,
    SiteTime siteTime, IStringLocalizer<Ui> t)
{
    public async Task<int> RecipientCountAsync(string month, CancellationToken cancellationToken)
    {
        var edition = await composer.EditionAsync(month, cancellationToken);
        return edition is null ? 0 : await RecipientsQuery(TopicIdsOf(edition)).CountAsync(cancellationToken);
    }

    public async Task<string> QueueAsync(string month, string user, CancellationToken cancellationToken)
    {
        var label = SummaryRules.MonthLabel(month);
        var existing = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Month == month, cancellationToken);
        if (existing is { Status: DigestStatus.Queued })
        {
            return AlreadySent(label, existing);
        }

        var edition = await composer.EditionAsync(month, cancellationToken);
        if (edition is null)
        {
            return t["{0} has no published summaries, so there is no digest to send. Nothing was sent.", label];
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claims the month first: of two editors pressing at once, one changes this row (or adds it)
        // and the other finds it already queued. The transaction is IMMEDIATE (Microsoft.Data.Sqlite's
        // default), so a Schedule pressed at the same moment cannot add the row between these steps.
        var claimed = await db.Digests.Where(d => d.Month == month && d.Status != DigestStatus.Queued)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DigestStatus.Queued).SetProperty(d => d.QueuedAt, now)
                    .SetProperty(d => d.RequestedBy, user).SetProperty(d => d.RequestedAt, now), cancellationToken) == 1
            || (!await db.Digests.AnyAsync(d => d.Month == month, cancellationToken)
                && await AddQueuedAsync(month, user, now, cancellationToken));
        if (!claimed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AlreadySent(label, await db.Digests.AsNoTracking().SingleAsync(d => d.Month == month, cancellationToken));
        }

        var digestId = await db.Digests.Where(d => d.Month == month).Select(d => d.Id).SingleAsync(cancellationToken);
        var recipients = await InsertRecipientsAsync(digestId, month, TopicIdsOf(edition), now, cancellationToken);
        await db.Digests.Where(d => d.Id == digestId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Recipients, recipients), cancellationToken);
        audit.Record(user, MailAuditActions.DigestSend, $"digest {month}",
            $"queued for {recipients} subscribers ({edition.Items.Count} summaries)");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Poke();
        return t.Plural(recipients, "The {1} digest is queued for {0} confirmed subscriber; progress shows below.",
            "The {1} digest is queued for {0} confirmed subscribers; progress shows below.", label);
    }

    /// <summary>Why a send time cannot be scheduled, or null. A time already past would be queued at
    /// the sender's next poll, skipping the confirmation step that "Send now" has.</summary>
    public string? SendAtProblem(string month, DateTimeOffset sendAt, DateTimeOffset now) =>
        sendAt <= now
            ? t["Choose a time after now ({0}) to schedule the {1} digest; to send it now, use “Send to … confirmed subscribers”.",
                siteTime.Shown(now, t), SummaryRules.MonthLabel(month)].Value
            : null;

    public async Task<string> ScheduleAsync(string month, DateTimeOffset sendAt, string user, CancellationToken cancellationToken)
    {
        var label = SummaryRules.MonthLabel(month);
        var now = clock.GetUtcNow();
        // Read and written in one IMMEDIATE transaction, so a Send or another Schedule pressed at the
        // same moment waits for this one and then sees what it did.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Digests.SingleOrDefaultAsync(d => d.Month == month, cancellationToken);
        if (existing is { Status: DigestStatus.Queued })
        {
            return AlreadySent(label, existing);
        }

        if (SendAtProblem(month, sendAt, now) is { } problem)
        {
            return problem + " Nothing was scheduled.";
        }

        if (existing is null)
        {
            existing = new Digest { Month = month, RequestedBy = user };
            db.Digests.Add(existing);
        }

        existing.Status = DigestStatus.Scheduled;
        existing.SendAt = sendAt;
        existing.RequestedBy = user;
        existing.RequestedAt = now;
        audit.Record(user, MailAuditActions.DigestSchedule, $"digest {month}", $"to be sent {siteTime.Format(sendAt)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return t["The {0} digest will be sent to confirmed subscribers at {1}.", label, siteTime.Shown(sendAt, t)];
    }

    public async Task<string> UnscheduleAsync(string month, string user, CancellationToken cancellationToken)
    {
        var removed = await db.Digests.Where(d => d.Month == month && d.Status != DigestStatus.Queued)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return "There was no scheduled send to cancel.";
        }

        audit.Record(user, MailAuditActions.DigestSchedule, $"digest {month}", "schedule cancelled");
        await db.SaveChangesAsync(cancellationToken);
        return t["The scheduled send of the {0} digest is cancelled.", SummaryRules.MonthLabel(month)];
    }

    /// <summary>Queues every scheduled digest whose time has come (called by the sender). One whose
    /// month has nothing published yet stays scheduled and is looked at again on each poll, so a
    /// send scheduled before the summaries' publish date goes out once they are published.</summary>
    public async Task QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Digests.AsNoTracking().Where(d => d.Status == DigestStatus.Scheduled && d.SendAt <= now)
            .Select(d => new { d.Month, d.RequestedBy }).ToListAsync(cancellationToken);
        foreach (var digest in due)
        {
            if (await composer.EditionAsync(digest.Month, cancellationToken) is not null)
            {
                await QueueAsync(digest.Month, digest.RequestedBy, cancellationToken);
            }
        }
    }

    public async Task<string> QueueTestAsync(string month, int? topicId, string email, string user, CancellationToken cancellationToken)
    {
        var label = SummaryRules.MonthLabel(month);
        if (await composer.EditionAsync(month, cancellationToken) is null)
        {
            return t["{0} has no published summaries, so there is no digest to test. Nothing was sent.", label];
        }

        if (!SubscriberAddress.TryNormalize(email, out var address))
        {
            return t["Your account's address ({0}) cannot receive mail. Nothing was sent.", email ?? ""];
        }

        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind.Test,
            Email = address,
            Month = month,
            TopicId = topicId,
            // Written in the language of the page the editor asked from.
            Language = SiteLanguage.Code,
            Status = OutboxStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        audit.Record(user, MailAuditActions.DigestTest, $"digest {month}", $"test to {address}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        return t["A test of the {0} digest is on its way to {1}.", label, address];
    }

    public async Task<DigestState> StateAsync(string month, CancellationToken cancellationToken)
    {
        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Month == month, cancellationToken);
        var progress = digest is null ? new DigestProgress(0, 0, 0, 0) : await ProgressAsync(digest.Id, cancellationToken);
        return new DigestState(month, digest?.Status, digest?.SendAt, digest?.QueuedAt,
            digest?.RequestedBy, digest?.Recipients ?? 0, progress);
    }

    public async Task<IReadOnlyDictionary<string, DigestState>> StatesAsync(CancellationToken cancellationToken)
    {
        var digests = await db.Digests.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Outbox.AsNoTracking().Where(m => m.DigestId != null)
            .GroupBy(m => new { m.DigestId, m.Status }).Select(g => new { g.Key.DigestId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return digests.ToDictionary(d => d.Month, d => new DigestState(d.Month, d.Status, d.SendAt, d.QueuedAt, d.RequestedBy, d.Recipients,
            Progress(counts.Where(c => c.DigestId == d.Id).ToDictionary(c => c.Status, c => c.Count))));
    }

    private async Task<DigestProgress> ProgressAsync(int digestId, CancellationToken cancellationToken) =>
        Progress(await db.Outbox.AsNoTracking().Where(m => m.DigestId == digestId).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken));

    private static DigestProgress Progress(Dictionary<OutboxStatus, int> counts) => new(
        counts.GetValueOrDefault(OutboxStatus.Queued), counts.GetValueOrDefault(OutboxStatus.Sent),
        counts.GetValueOrDefault(OutboxStatus.Failed), counts.GetValueOrDefault(OutboxStatus.Skipped));

    private string AlreadySent(string label, Digest digest) =>
        t["The {0} digest was already sent ({1}, by {2}); a month's digest goes out once, so nothing was sent again.",
            label, digest.QueuedAt is { } at ? siteTime.Shown(at, t) : "", digest.RequestedBy ?? ""];

    private static int[] TopicIdsOf(DigestEdition edition) => edition.Items.SelectMany(i => i.TopicIds).Distinct().ToArray();

    private IQueryable<Subscriber> RecipientsQuery(int[] topicIds) => DigestRecipients.Of(db.Subscribers, topicIds);

    private async Task<bool> AddQueuedAsync(string month, string user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Digests.Add(new Digest { Month = month, Status = DigestStatus.Queued, QueuedAt = now, RequestedBy = user, RequestedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>One statement for all recipients: 10,000 rows take a fraction of a second, where
    /// adding them one by one through the change tracker takes seconds.</summary>
    private async Task<int> InsertRecipientsAsync(int digestId, string month, int[] topicIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(now);
        // The topic ids are integers from our own query; the rest are parameters.
        var sql = $$"""
            INSERT INTO Outbox (Kind, DigestId, SubscriberId, Email, Month, Status, Attempts, CreatedAt, NextAttemptAt)
            SELECT 'Digest', {0}, s.Id, s.Email, {1}, 'Queued', 0, {2}, {2}
            FROM Subscribers s
            WHERE {{DigestRecipients.Sql("s", topicIds)}}
            ORDER BY s.Id
            """;
        return await db.Database.ExecuteSqlRawAsync(sql, [digestId, month, at!], cancellationToken);
    }
}
