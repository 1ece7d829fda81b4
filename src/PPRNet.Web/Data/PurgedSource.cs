namespace PPRNet.Web.Data;

/// <summary>A content file whose summary an admin deleted for good: later imports skip it, so a
/// purge lasts even while the file stays in content/.</summary>
public class PurgedSource
{
    public int Id { get; set; }
    public required string SourcePath { get; set; }
    public DateTimeOffset PurgedAt { get; set; }
    public required string PurgedBy { get; set; }
}
