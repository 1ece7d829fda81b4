using PPRNet.Web.Data;

namespace PPRNet.Web.Mail;

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

    /// <summary>The language of every mail to this reader and of the pages its links open:
    /// <see cref="Localization.SiteLanguage.EnglishCode"/> or <see cref="Localization.SiteLanguage.FrenchCode"/>.</summary>
    public string Language { get; set; } = Localization.SiteLanguage.EnglishCode;

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
    /// <see cref="UnconfirmedRequests.KeptFor"/>.</summary>
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
