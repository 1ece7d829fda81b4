using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed record ConflictRow(int Id, int SummaryId, string SummaryTitle, string SourcePath, DateTimeOffset DetectedAt);
