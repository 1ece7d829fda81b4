using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

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

/// <summary>Once an account has this many failed sign-ins within the window, from anywhere, every
/// attempt on it waits this long before its password is checked: guessing from many addresses gets
/// slow, while the owner, whose address has no failures, is delayed but never refused.</summary>
public sealed class SlowDown
{
    public int AfterFailures { get; set; }
    public int WindowSeconds { get; set; }
    public int DelayMilliseconds { get; set; }
}

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

/// <summary>The names endpoints give <c>[EnableRateLimiting]</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
}

public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Bound when first needed, so settings that tests or hosts add late still apply.
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicies.SignIn, context => PerAddress(context, RateLimitPolicies.SignIn, options.SignInPerAddress));
            limiter.AddPolicy(RateLimitPolicies.Search, context => PerAddress(context, RateLimitPolicies.Search, options.SearchPerAddress));
            limiter.AddPolicy(RateLimitPolicies.Subscribe, context => PerAddress(context, RateLimitPolicies.Subscribe, options.SubscribePerAddress));
            // Mail providers post one-click unsubscribes (RFC 8058) for many readers from a few
            // addresses, so the usual POST limit would refuse real readers; a limit of its own,
            // generous, still keeps one client from hammering the token check and the database.
            limiter.AddPolicy(RateLimitPolicies.Unsubscribe, context => PerAddress(context, RateLimitPolicies.Unsubscribe, options.UnsubscribePerAddress));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // An error page re-executed for a request was counted as that request already, and an
                // endpoint with a policy of its own is counted by that policy alone.
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                    || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                    || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                // Editors' posts are already behind a sign-in; anyone else's count against their address.
                return HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated != true
                    ? PerAddress(context, "post", options.PostPerAddress)
                    : RateLimitPartition.GetNoLimiter("");
            });
        });
        return builder;
    }

    /// <summary>Tells the client when to come back, in whole seconds.</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(lease);
        SetRetryAfter(response, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60));
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + " " + Address(context), _ => limit.Options());

    // After UseForwardedHeaders this is the client's address as the trusted proxy reported it.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
}
