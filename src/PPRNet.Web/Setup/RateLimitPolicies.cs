namespace PPRNet.Web.Setup;

/// <summary>The names endpoints give <c>[EnableRateLimiting]</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
}
