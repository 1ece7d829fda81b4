namespace PPRNet.Web.Data;

/// <summary>Who did what and when: sign-ins and every change to the archive.</summary>
public class AuditEntry
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Details { get; set; }
}
