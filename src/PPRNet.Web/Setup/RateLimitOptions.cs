namespace PPRNet.Web.Setup;

/// <summary>The `RateLimits` section of configuration. Each request limit is a policy attached to
/// its endpoints (<see cref="RateLimitPolicies"/>), so every spelling the router accepts (a trailing
/// slash, another case, HEAD) is counted alike. Failed sign-ins are counted in the database by
/// Admin/SignInThrottle.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in posts per client address, failed or not: a flood guard in front of the
    /// failure counts below.</summary>
    public RateLimit SignInPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 900 };

    /// <summary>Failed sign-ins for one account from one address; past it that address is refused
    /// for that account until the oldest failure leaves the window.</summary>
    public RateLimit SignInFailuresPerAccountAndAddress { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    /// <summary>Failed sign-ins from one address, whatever the accounts: past it the address is
    /// refused.</summary>
    public RateLimit SignInFailuresPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 3600 };

    public SlowDown SignInSlowDown { get; set; } = new() { AfterFailures = 10, WindowSeconds = 900, DelayMilliseconds = 1000 };

    public RateLimit SearchPerAddress { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    public RateLimit PostPerAddress { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Subscribe requests (footer or /subscribe) and requests for a new preferences link, per client address.</summary>
    public RateLimit SubscribePerAddress { get; set; } = new() { PermitLimit = 10, WindowSeconds = 3600 };

    /// <summary>Subscribe requests for one email address, from anywhere (Mail/SubscribeLimiter).</summary>
    public RateLimit SubscribePerEmail { get; set; } = new() { PermitLimit = 3, WindowSeconds = 3600 };

    /// <summary>One-click unsubscribes (RFC 8058), per client address: generous, because mail
    /// providers post them for many readers from a few addresses.</summary>
    public RateLimit UnsubscribePerAddress { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}
