using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Mail;

/// <summary>The retention rule for requests nobody confirmed, run by the outbox worker.</summary>
public sealed class UnconfirmedRequests(BlogDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>A request nobody confirmed is forgotten after 30 days: nobody agreed to our keeping
    /// it. An address that was never confirmed goes with its mail; one that was (and has since left
    /// or bounced) keeps its record and loses only the request.</summary>
    public async Task<int> ForgetAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        var lapsed = db.Subscribers.Where(s => s.PendingAt < cutoff);
        // Run on every poll of the outbox, which nearly always finds nothing to forget: a read
        // first keeps that poll from taking SQLite's write lock every few seconds, and a site
        // that has nothing to forget from loading EF's bulk-update machinery at all.
        if (!await lapsed.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var forgotten = await lapsed.Where(s => s.Status == SubscriberStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        await lapsed.Where(s => s.Status != SubscriberStatus.Pending).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.PendingAt, (DateTimeOffset?)null)
            .SetProperty(s => s.PendingPage, (string?)null)
            .SetProperty(s => s.PendingWording, (string?)null)
            .SetProperty(s => s.PendingTopics, (string?)null), cancellationToken);
        return forgotten;
    }
}
