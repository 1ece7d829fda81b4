using System.Diagnostics.CodeAnalysis;

namespace PPRNet.Web.Mail;

/// <summary>What we accept as a subscriber's address: one plain addr-spec (no display name, no
/// comments, no spaces or line breaks, ASCII only), at most 254 characters as SMTP allows. Anything
/// else is refused before it comes near a mail header.</summary>
public static class SubscriberAddress
{
    public const int MaxLength = 254;
    public const string Invalid = "Enter an email address such as name@example.org.";

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problem = "Enter your email address.";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            problem = $"An email address has at most {MaxLength} characters.";
            return false;
        }

        if (trimmed.Any(c => c <= ' ' || c >= 127))
        {
            problem = "An email address cannot contain spaces, line breaks or accented letters.";
            return false;
        }

        var at = trimmed.LastIndexOf('@');
        if (at < 1 || at > 64 || trimmed.IndexOfAny(['"', '<', '>', ',', ';', ':', '(', ')', '[', ']', '\\']) >= 0
            || !trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || !System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || parsed.DisplayName.Length > 0
            || !MimeKit.MailboxAddress.TryParse(trimmed, out var mailbox) || mailbox.Address != trimmed)
        {
            problem = Invalid;
            return false;
        }

        address = trimmed;
        problem = null;
        return true;
    }

    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ToUpperInvariant();
    }
}
