using Microsoft.AspNetCore.Identity;

namespace PPRNet.Web.Admin;

/// <summary>How a disabled account is stored: Identity's own lockout, set to end never, so that
/// Identity itself refuses its sign-ins and no schema change is needed.</summary>
public static class Accounts
{
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static bool IsDisabled(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockoutEnd is { Year: 9999 };
    }
}
