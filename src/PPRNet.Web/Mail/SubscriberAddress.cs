using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Mail;

/// <summary>What we accept as a subscriber's address: one plain addr-spec (no display name, no
/// comments, no spaces or line breaks, ASCII only), at most 254 characters as SMTP allows. Anything
/// else is refused before it comes near a mail header.</summary>
public static class SubscriberAddress
{
    public const int MaxLength = 254;

    /// <summary>The address as we keep it, or null when it is not one we accept.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? address) =>
        Check(input, out address) == Problem.None;

    /// <summary>As above, with what is wrong in the current language, for the field it was typed in.</summary>
    public static bool TryNormalize(IStringLocalizer t, string? input, [NotNullWhen(true)] out string? address,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(t);
        problem = Check(input, out address) switch
        {
            Problem.None => null,
            Problem.Empty => t["Enter your email address."].Value,
            Problem.TooLong => t["An email address has at most {0} characters.", MaxLength].Value,
            Problem.Characters => t["An email address cannot contain spaces, line breaks or accented letters."].Value,
            _ => t["Enter an email address such as name@example.org."].Value,
        };
        return problem is null;
    }

    private enum Problem
    {
        None,
        Empty,
        TooLong,
        Characters,
        Invalid,
    }

    private static Problem Check(string? input, out string? address)
    {
        address = null;
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Problem.Empty;
        }

        if (trimmed.Length > MaxLength)
        {
            return Problem.TooLong;
        }

        if (trimmed.Any(c => c <= ' ' || c >= 127))
        {
            return Problem.Characters;
        }

        var at = trimmed.LastIndexOf('@');
        if (at < 1 || at > 64 || trimmed.IndexOfAny(['"', '<', '>', ',', ';', ':', '(', ')', '[', ']', '\\']) >= 0
            || !trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || !System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || parsed.DisplayName.Length > 0
            || !MimeKit.MailboxAddress.TryParse(trimmed, out var mailbox) || mailbox.Address != trimmed)
        {
            return Problem.Invalid;
        }

        address = trimmed;
        return Problem.None;
    }

    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ToUpperInvariant();
    }
}
