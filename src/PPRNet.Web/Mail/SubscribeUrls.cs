namespace PPRNet.Web.Mail;

/// <summary>The subscription pages' addresses in one place: the routes are declared with these
/// constants, and views and mail build their links from them, as BlogUrls does for the archive.</summary>
public static class SubscribeUrls
{
    public const string Subscribe = "/subscribe";
    public const string CheckYourInbox = "/subscribe/check-your-inbox";
    public const string Confirm = "/subscribe/confirm";
    public const string Manage = "/subscribe/manage";
    public const string Unsubscribe = "/subscribe/unsubscribe";
    public const string PreferencesLink = "/subscribe/preferences-link";
    public const string PreferencesLinkSent = "/subscribe/preferences-link/sent";

    public static string ConfirmWith(string token) => WithToken(Confirm, token);

    public static string ManageWith(string token) => WithToken(Manage, token);

    public static string UnsubscribeWith(string token) => WithToken(Unsubscribe, token);

    private static string WithToken(string path, string token) => $"{path}?token={Uri.EscapeDataString(token)}";
}
