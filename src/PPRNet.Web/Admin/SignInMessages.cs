using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Admin;

public static class SignInMessages
{
    /// <summary>One message for an unknown email, a wrong password and a disabled account, so the
    /// form tells nobody which accounts exist.</summary>
    public const string Failed = "That email and password did not sign you in. "
        + "After several failed attempts from one place, signing in from there pauses for a while; an admin can lift the pause.";

    /// <summary><see cref="Failed"/> in the page's language.</summary>
    public static string FailedIn(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t["That email and password did not sign you in. After several failed attempts from one place, signing in from there pauses for a while; an admin can lift the pause."];
    }
}
