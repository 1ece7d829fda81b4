using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>A new preferences link on request, for a reader whose link has expired or is lost.</summary>
public sealed partial class PreferencesLinks(
    BlogDbContext db, SubscribeLimiter limiter, MailSignal signal, TimeProvider clock, IStringLocalizer<Ui> t,
    ILogger<PreferencesLinks> logger)
{
    /// <summary>Mails a new preferences link to the address if it is subscribed (confirmed or
    /// paused), and nothing otherwise; the answer is the same either way, so the form tells nobody
    /// who reads us. Each request counts against the address's subscribe limit, so the form cannot
    /// fill an inbox either. Returns problems by field.</summary>
    public async Task<IReadOnlyList<FieldError>> SendPreferencesLinkAsync(PreferencesLinkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!SubscriberAddress.TryNormalize(t, form.Email, out var email, out var problem))
        {
            return [new FieldError(nameof(form.Email), problem)];
        }

        var normalized = SubscriberAddress.Normalize(email);
        if (!limiter.Allow(normalized))
        {
            LogTooManyLinks(logger);
            return [];
        }

        var subscriber = await db.Subscribers.SingleOrDefaultAsync(
            s => s.NormalizedEmail == normalized && (s.Status == SubscriberStatus.Confirmed || s.Status == SubscriberStatus.Paused),
                cancellationToken);
        if (subscriber is not null)
        {
            db.Outbox.Add(OutboxMessage.To(OutboxKind.PreferencesLink, subscriber, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            signal.Poke();
        }

        return [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many requests for a new preferences link for one address: none sent")]
    private static partial void LogTooManyLinks(ILogger logger);
}
