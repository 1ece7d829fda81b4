namespace PPRNet.Web.Admin;

public sealed record ConflictRow(int Id, int SummaryId, string SummaryTitle, string SourcePath, DateTimeOffset DetectedAt);
