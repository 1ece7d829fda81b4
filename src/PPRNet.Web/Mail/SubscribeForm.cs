using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Mail;

/// <summary>The subscribe form, in the footer of every public page and on /subscribe.</summary>
public sealed class SubscribeForm
{
    public const string ConsentWording =
        "Email me the PPRNet Research Blog's monthly digest of research summaries. "
            + "I can change my topics, pause or unsubscribe at any time from a link in every email.";

    /// <summary>The wording as a page in the current language shows it, and as the consent records it.</summary>
    public static string Wording(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t["Email me the PPRNet Research Blog's monthly digest of research summaries. I can change my topics, pause or unsubscribe at any time from a link in every email."];
    }

    public string? Email { get; set; }

    /// <summary>The language of the mail: "en" or "fr"; none means the page's.</summary>
    public string? Language { get; set; }

    /// <summary>Topic slugs; none chosen means every topic.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>The page the form was sent from, kept with the consent.</summary>
    public string? Page { get; set; }

    /// <summary>Hidden from people; a bot that fills it in is answered as usual and ignored.</summary>
    public string? Website { get; set; }
}
