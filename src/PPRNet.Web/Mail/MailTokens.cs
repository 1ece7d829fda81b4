using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PPRNet.Web.Mail;

public enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>The signed links in mail, made with ASP.NET Core Data Protection (keys kept in the
/// database, so links survive restarts). Each link names the subscriber's random key and when it was
/// made, and is checked against the app's clock, which tells an expired link from a forged one. A
/// confirmation link also names the confirmation stamp and is good for <see cref="ConfirmationLifetime"/> (the protector's own
/// expiry, 30 days, is the hard stop). A preferences link, which opens a page showing the address
/// and its topics, is good for <see cref="PreferencesLifetime"/>; the same token in an unsubscribe
/// link keeps working after that (its hard stop is 10 years), since every digest ever sent must be
/// able to stop the next one.</summary>
public sealed class MailTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    /// <summary>How long a preferences link opens the preferences page: a year, so a link in a
    /// mail kept (or forwarded) for longer shows nobody the address; the page then offers a new one.</summary>
    public static readonly TimeSpan PreferencesLifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector confirm = provider.CreateProtector("PPRNet.Mail.Confirm.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector manage = provider.CreateProtector("PPRNet.Mail.Manage.v1").ToTimeLimitedDataProtector();

    public string Confirmation(Guid key, string confirmStamp)
    {
        var now = clock.GetUtcNow();
        return confirm.Protect(
            $"{key:N}|{confirmStamp}|{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            DateTimeOffset.UtcNow.AddDays(30));
    }

    public TokenCheck ReadConfirmation(string? token, out Guid key, out string stamp)
    {
        key = Guid.Empty;
        stamp = "";
        if (Unprotect(confirm, token)?.Split('|') is not [var keyText, var stampText, var ticksText]
            || !Guid.TryParseExact(keyText, "N", out key)
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return TokenCheck.Invalid;
        }

        stamp = stampText;
        return clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > ConfirmationLifetime ? TokenCheck.Expired : TokenCheck.Valid;
    }

    public string Preferences(Guid key) => manage.Protect(
        $"{key:N}|{clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}",
        DateTimeOffset.UtcNow.AddYears(10));

    /// <summary>Reads a preferences (and unsubscribe) link. Expired still names the subscriber, for
    /// unsubscribing. Links made before they carried their time (the key alone) are expired: their
    /// age is unknown, and the page a reader reaches with one offers a new link by mail.</summary>
    public TokenCheck ReadPreferences(string? token, out Guid key)
    {
        key = Guid.Empty;
        var parts = Unprotect(manage, token)?.Split('|');
        if (parts is not [var keyText, ..] || !Guid.TryParseExact(keyText, "N", out var named))
        {
            return TokenCheck.Invalid;
        }

        switch (parts)
        {
            case [_]:
                key = named;
                return TokenCheck.Expired;
            case [_, var ticksText] when long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks):
                key = named;
                return clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > PreferencesLifetime
                    ? TokenCheck.Expired : TokenCheck.Valid;
            default:
                return TokenCheck.Invalid;
        }
    }

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static string? Unprotect(ITimeLimitedDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null; // altered, made with another key ring, or past its hard expiry
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
