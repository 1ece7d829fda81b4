namespace PPRNet.Web.Data;

/// <summary>A content file that changed after an editor changed the same summary on the web. The
/// web version is kept; the file's text is kept here so nothing is lost.</summary>
public class ImportConflict
{
    public int Id { get; set; }
    public int SummaryId { get; set; }
    public Summary Summary { get; set; } = null!;
    public required string SourcePath { get; set; }
    public required string FileHash { get; set; }
    public required string FileMarkdown { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
