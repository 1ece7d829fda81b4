namespace PPRNet.Web.Mail;

public static class MailAuditActions
{
    public const string DigestSend = "digest-send";
    public const string DigestSchedule = "digest-schedule";
    public const string DigestTest = "digest-test";
    public const string Subscribers = "subscribers";
}
