namespace PPRNet.Web.Admin;

public sealed record RevisionRow(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Note);
