namespace PPRNet.Web.Mail;

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent: the subscriber left, paused or narrowed their topics after it was queued.</summary>
    Skipped = 3,
}
