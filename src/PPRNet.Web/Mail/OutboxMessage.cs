namespace PPRNet.Web.Mail;

/// <summary>One message to send. Rows are marked sent only after the SMTP server accepted the
/// message; a lease keeps a row from being sent twice at once and lapses if its sender dies.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    public int? DigestId { get; set; }
    public int? SubscriberId { get; set; }
    public Subscriber? Subscriber { get; set; }

    /// <summary>Where it goes: the subscriber's address, or an editor's for a test.</summary>
    public required string Email { get; set; }

    /// <summary>The digest's month, for digests and tests.</summary>
    public string? Month { get; set; }

    /// <summary>A test as a reader of this one topic gets it; null: all topics.</summary>
    public int? TopicId { get; set; }

    /// <summary>An editor's test: the language it is written in (the page's the editor sent it
    /// from); null for mail to a subscriber, which is written in the subscriber's.</summary>
    public string? Language { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A new message for the subscriber, queued to go at once.</summary>
    public static OutboxMessage To(OutboxKind kind, Subscriber subscriber, DateTimeOffset now) => new()
    {
        Kind = kind,
        Subscriber = subscriber,
        Email = subscriber.Email,
        Status = OutboxStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
