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
/// database, so links survive restarts). A confirmation link names the subscriber's random key and
/// confirmation stamp and when it was made: it is good for 7 days by the app's clock, which tells an
/// expired link from a forged one; the protector's own expiry (30 days) is the hard stop. A
/// preferences link names only the key: it must keep working for as long as mail is kept.</summary>
public sealed class MailTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

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

    public string Preferences(Guid key) => manage.Protect(key.ToString("N"), DateTimeOffset.UtcNow.AddYears(10));

    public Guid? ReadPreferences(string? token) =>
        Guid.TryParseExact(Unprotect(manage, token), "N", out var key) ? key : null;

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
