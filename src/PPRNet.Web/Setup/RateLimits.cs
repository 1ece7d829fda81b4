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

    public FixedWindowRateLimiterOptions Options() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The `RateLimits` section of configuration. Sign-in is limited per address first, with
/// fewer attempts per window than the account lockout needs, so one address cannot lock an
/// account out within a window; and per account, against guessing from many addresses.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit SignInPerAddress { get; set; } = new() { PermitLimit = 8, WindowSeconds = 900 };
    public RateLimit SignInPerAccount { get; set; } = new() { PermitLimit = 20, WindowSeconds = 900 };
    public RateLimit SearchPerAddress { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    public RateLimit PostPerAddress { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Subscribe requests (footer or /subscribe), per client address.</summary>
    public RateLimit SubscribePerAddress { get; set; } = new() { PermitLimit = 10, WindowSeconds = 3600 };

    /// <summary>Subscribe requests for one email address, from anywhere (Mail/SubscribeLimiter).</summary>
    public RateLimit SubscribePerEmail { get; set; } = new() { PermitLimit = 3, WindowSeconds = 3600 };

    /// <summary>One-click unsubscribes (RFC 8058), per client address: generous, because mail
    /// providers post them for many readers from a few addresses.</summary>
    public RateLimit UnsubscribePerAddress { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}

/// <summary>The per-account sign-in limiter: the account is only known once the form is read, so
/// the sign-in action asks this one itself.</summary>
public sealed class SignInLimiter(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAccount = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => options.Value.SignInPerAccount.Options()));

    public RateLimitLease Acquire(string email) => perAccount.AttemptAcquire(email.Trim().ToUpperInvariant());

    public void Dispose() => perAccount.Dispose();
}

public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Bound when first needed, so settings that tests or hosts add late still apply.
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddSingleton<SignInLimiter>();
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
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // An error page re-executed for a request was counted as that request already.
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                    || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var address = Address(context);
                var request = context.Request;
                if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/admin/sign-in", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in " + address, _ => options.SignInPerAddress.Options());
                }

                if (request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("search " + address, _ => options.SearchPerAddress.Options());
                }

                if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/subscribe", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("subscribe " + address, _ => options.SubscribePerAddress.Options());
                }

                // Mail providers post one-click unsubscribes (RFC 8058) for many readers from a few
                // addresses, so the usual POST limit would refuse real readers; a limit of its own,
                // generous, still keeps one client from hammering the token check and the database.
                if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/subscribe/unsubscribe", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("unsubscribe " + address, _ => options.UnsubscribePerAddress.Options());
                }

                // Editors' posts are already behind a sign-in; anyone else's count against their address.
                if (HttpMethods.IsPost(request.Method) && context.User.Identity?.IsAuthenticated != true)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("post " + address, _ => options.PostPerAddress.Options());
                }

                return RateLimitPartition.GetNoLimiter("");
            });
        });
        return builder;
    }

    /// <summary>Tells the client when to come back, in whole seconds.</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    // After UseForwardedHeaders this is the client's address as the trusted proxy reported it.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
}
