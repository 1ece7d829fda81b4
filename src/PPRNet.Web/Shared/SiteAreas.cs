namespace PPRNet.Web.Shared;

/// <summary>Path prefixes that decide how a whole area of the site is treated (never cached, no
/// footer subscribe form, stricter headers), named once.</summary>
public static class SiteAreas
{
    public const string Admin = "/admin";
}
