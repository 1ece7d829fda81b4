using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>A content file read and checked, ready to be written in the import's transaction.</summary>
internal sealed record PreparedFile(
    string Display, long Length, long WrittenAt, bool UnchangedOnDisk, bool SameHash, string? Hash, string? Text,
    SummaryContent? Content, RenderedSummary? Rendered, List<ImportError> Errors);
