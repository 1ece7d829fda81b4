using PPRNet.Web.Data;

namespace PPRNet.Web.Mail;

public enum SubscriberStatus
{
    /// <summary>Asked to subscribe; nothing but the confirmation is sent until the link is followed.</summary>
    Pending = 0,
    Confirmed = 1,
    Paused = 2,
    Unsubscribed = 3,

    /// <summary>The mail server refused the address for good (5xx): nothing more is sent to it.</summary>
    Undeliverable = 4,
}

/// <summary>One reader of the email digest. The address is personal data: admins can export and
/// delete it (with its outbox rows). Consent is recorded as CASL and GDPR expect.</summary>
public class Subscriber
{
    public int Id { get; set; }

    /// <summary>Random and never reused: links in mail name the subscriber by this, not by the row
    /// id, which SQLite may hand out again after a deletion.</summary>
    public Guid Key { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased, so that one address cannot subscribe twice in different cases.</summary>
    public required string NormalizedEmail { get; set; }

    public SubscriberStatus Status { get; set; }

    /// <summary>Every topic, including ones added later; otherwise <see cref="Topics"/>.</summary>
    public bool AllTopics { get; set; } = true;

    public List<Topic> Topics { get; set; } = [];

    /// <summary>Part of every confirmation link; changed on unsubscribing, so an old confirmation
    /// link can never subscribe the address again.</summary>
    public required string ConfirmStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the form was sent, from which page, and the wording the reader agreed to. Once
    /// set by a new address's first request, it changes only when a confirmation link is followed,
    /// so a stranger's request can never replace the record its owner confirmed.</summary>
    public DateTimeOffset ConsentAt { get; set; }
    public required string ConsentPage { get; set; }
    public required string ConsentWording { get; set; }

    /// <summary>A request not yet confirmed (the form's time, page, wording and topics), kept apart
    /// from the consent above until its link is followed; forgotten after
    /// <see cref="Subscriptions.UnconfirmedKeptFor"/>.</summary>
    public DateTimeOffset? PendingAt { get; set; }
    public string? PendingPage { get; set; }
    public string? PendingWording { get; set; }

    /// <summary>The requested topics' ids, comma-separated; empty for every topic.</summary>
    public string? PendingTopics { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The mail server's answer when it refused the address for good.</summary>
    public string? UndeliverableReason { get; set; }
}

public enum DigestStatus
{
    Scheduled = 0,
    Queued = 1,

    /// <summary>No longer written (a scheduled month with nothing published yet stays Scheduled and
    /// is checked again on each poll); kept so that rows written before still read.</summary>
    NothingToSend = 2,
}

/// <summary>A month's digest. One row a month (unique), so a month can be queued only once.</summary>
public class Digest
{
    public int Id { get; set; }
    public required string Month { get; set; }
    public DigestStatus Status { get; set; }
    public DateTimeOffset? SendAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int Recipients { get; set; }
}

public enum OutboxKind
{
    Digest = 0,
    Confirmation = 1,
    AlreadySubscribed = 2,
    Test = 3,

    /// <summary>A new preferences link, asked for from the page an expired one leads to.</summary>
    PreferencesLink = 4,
}

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent: the subscriber left, paused or narrowed their topics after it was queued.</summary>
    Skipped = 3,
}

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

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
