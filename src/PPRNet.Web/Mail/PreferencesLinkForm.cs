namespace PPRNet.Web.Mail;

/// <summary>The form that mails a new preferences link to an address, if it is subscribed.</summary>
public sealed class PreferencesLinkForm
{
    public string? Email { get; set; }
}
