using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;

namespace PPRNet.Web.Mail;

/// <summary>An admin's view of one subscriber: find by address, export everything stored about
/// them (a GDPR access request) and erase them with their mail (an erasure request).</summary>
public sealed class SubscriberRecords(BlogDbContext db, AuditLog audit)
{
    public async Task<Subscriber?> FindAsync(string? email, CancellationToken cancellationToken)
    {
        var normalized = SubscriberAddress.Normalize(email?.Trim() ?? "");
        return normalized.Length is 0 or > SubscriberAddress.MaxLength
            ? null
            : await db.Subscribers.AsNoTracking().Include(s => s.Topics).SingleOrDefaultAsync(s => s.NormalizedEmail == normalized,
                cancellationToken);
    }

    /// <summary>Everything stored about one subscriber, as JSON (a GDPR access request).</summary>
    public async Task<byte[]?> ExportAsync(int id, string user, CancellationToken cancellationToken)
    {
        var subscriber = await db.Subscribers.AsNoTracking().Include(s => s.Topics).SingleOrDefaultAsync(s => s.Id == id,
            cancellationToken);
        if (subscriber is null)
        {
            return null;
        }

        var mail = await db.Outbox.AsNoTracking().Where(m => m.SubscriberId == id).OrderBy(m => m.Id)
            .Select(m => new
            {
                kind = m.Kind.ToString(),
                m.Month,
                status = m.Status.ToString(),
                queued = m.CreatedAt,
                sent = m.SentAt,
                error = m.LastError
            })
            .ToListAsync(cancellationToken);
        audit.Record(user, MailAuditActions.Subscribers, $"exported subscriber #{id}");
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            email = subscriber.Email,
            status = subscriber.Status.ToString(),
            topics = subscriber.AllTopics ? ["all topics"] : subscriber.Topics.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
            language = subscriber.Language,
            created = subscriber.CreatedAt,
            consent = new { at = subscriber.ConsentAt, page = subscriber.ConsentPage, wording = subscriber.ConsentWording },
            unconfirmedRequest = subscriber.PendingAt is null ? null : new
            {
                at = subscriber.PendingAt,
                page = subscriber.PendingPage,
                wording = subscriber.PendingWording
            },
            confirmed = subscriber.ConfirmedAt,
            unsubscribed = subscriber.UnsubscribedAt,
            undeliverable = subscriber.UndeliverableReason,
            mail,
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Erases the subscriber and every message to them (a GDPR erasure request). The audit
    /// line names the row, not the address, so the address is gone for good.</summary>
    public async Task<bool> DeleteAsync(int id, string user, CancellationToken cancellationToken)
    {
        var deleted = await db.Subscribers.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        audit.Record(user, MailAuditActions.Subscribers, $"deleted subscriber #{id} and their mail");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
