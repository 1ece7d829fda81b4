namespace PPRNet.Web.Admin;

public sealed record TrashRow(int Id, string Title, string Month, DateTimeOffset DeletedAt, string? DeletedBy);
