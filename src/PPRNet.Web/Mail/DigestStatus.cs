namespace PPRNet.Web.Mail;

public enum DigestStatus
{
    Scheduled = 0,
    Queued = 1,

    /// <summary>No longer written (a scheduled month with nothing published yet stays Scheduled and
    /// is checked again on each poll); kept so that rows written before still read.</summary>
    NothingToSend = 2,
}
