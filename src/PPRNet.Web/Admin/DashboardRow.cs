namespace PPRNet.Web.Admin;

public sealed record DashboardRow(
    int Id,
    string Title,
    string Month,
    PublicationState State,
    DateOnly PublishedOn,
    string ResearchType,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt);
