namespace PPRNet.Web.Data;

/// <summary>A saved state of a summary, kept whole in the content/ Markdown format, so it can be
/// compared, restored or exported exactly as it was.</summary>
public class SummaryRevision
{
    public int Id { get; set; }
    public int SummaryId { get; set; }
    public Summary Summary { get; set; } = null!;
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public required string Note { get; set; }
    public required string Markdown { get; set; }
}
