using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PPRNet.Web.Setup;

public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Bound when first needed, so settings that tests or hosts add late still apply.
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
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
            limiter.AddPolicy(RateLimitPolicies.Subscribe,
                context => PerAddress(context, RateLimitPolicies.Subscribe, options.SubscribePerAddress));
            // Mail providers post one-click unsubscribes (RFC 8058) for many readers from a few
            // addresses, so the usual POST limit would refuse real readers; a limit of its own,
            // generous, still keeps one client from hammering the token check and the database.
            limiter.AddPolicy(RateLimitPolicies.Unsubscribe,
                context => PerAddress(context, RateLimitPolicies.Unsubscribe, options.UnsubscribePerAddress));
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
