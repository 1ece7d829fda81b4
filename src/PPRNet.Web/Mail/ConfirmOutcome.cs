namespace PPRNet.Web.Mail;

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Invalid,
}
