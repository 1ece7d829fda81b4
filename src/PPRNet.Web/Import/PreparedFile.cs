using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>A content file read and checked, ready to be written in the import's transaction.</summary>
internal sealed record PreparedFile(
    string Display, long Length, long WrittenAt, bool UnchangedOnDisk, bool SameHash, string? Hash, string? Text,
    SummaryContent? Content, RenderedSummary? Rendered, List<ImportError> Errors)
{
    /// <summary>For a file the database has not seen: its summary and first revision, built with
    /// the rendering on every core; written only if the file turns out to be new after all checks.</summary>
    public NewSummary? New { get; init; }
}

/// <summary>A summary to insert with its first revision.</summary>
internal sealed record NewSummary(Summary Summary, SummaryRevision Revision);
