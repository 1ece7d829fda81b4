using PPRNet.Web.Data;

namespace PPRNet.Web.History;

/// <summary>Records who did what, both in the AuditEntries table (read by admins in the dashboard)
/// and in the structured log. Entries are saved with the caller's own SaveChanges, so an audit
/// line exists exactly when the change it describes does.</summary>
public sealed partial class AuditLog(BlogDbContext db, TimeProvider clock, ILogger<AuditLog> logger)
{
    public void Record(string user, string action, string subject, string? details = null) =>
        db.AuditEntries.Add(Entry(user, action, subject, details));

    /// <summary>The entry, logged now, for a caller that writes it in its own transaction.</summary>
    public AuditEntry Entry(string user, string action, string subject, string? details = null)
    {
        LogAudit(user, action, subject, details ?? "");
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = Truncate(user, 256),
            Action = action,
            Subject = Truncate(subject, 400),
            Details = details,
        };
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {User} {Action} {Subject} {Details}")]
    private partial void LogAudit(string user, string action, string subject, string details);
}
