using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PPRNet.Web.Setup;

namespace PPRNet.Web.Mail;

/// <summary>Asks for one subscription per address at most PermitLimit times a window, whoever asks,
/// so nobody can flood someone's inbox with confirmations. Over the limit, the page answers as
/// always and nothing is sent.</summary>
public sealed class SubscribeLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perEmail = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => options.Value.SubscribePerEmail.Options()));

    public bool Allow(string normalizedEmail)
    {
        using var lease = perEmail.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => perEmail.Dispose();
}
