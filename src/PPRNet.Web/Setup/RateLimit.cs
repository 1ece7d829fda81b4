using System.Threading.RateLimiting;

namespace PPRNet.Web.Setup;

/// <summary>One fixed window: at most PermitLimit requests per WindowSeconds.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));

    public FixedWindowRateLimiterOptions Options() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
