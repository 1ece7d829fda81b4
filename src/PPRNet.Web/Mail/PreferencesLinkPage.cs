using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

/// <summary>The form that mails a new preferences link, alone or on the page of an expired one.</summary>
public sealed class PreferencesLinkPage : PageViewModel
{
    public required string Heading { get; init; }
    public required string Lede { get; init; }
    public required PreferencesLinkForm Form { get; init; }
}
