namespace PPRNet.Web.Mail;

/// <summary>A month's digest. One row a month (unique), so a month can be queued only once.</summary>
public class Digest
{
    public int Id { get; set; }
    public required string Month { get; set; }
    public DigestStatus Status { get; set; }
    public DateTimeOffset? SendAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int Recipients { get; set; }
}
