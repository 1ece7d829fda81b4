namespace PPRNet.Web.Mail;

public enum OutboxKind
{
    Digest = 0,
    Confirmation = 1,
    AlreadySubscribed = 2,
    Test = 3,

    /// <summary>A new preferences link, asked for from the page an expired one leads to.</summary>
    PreferencesLink = 4,
}
