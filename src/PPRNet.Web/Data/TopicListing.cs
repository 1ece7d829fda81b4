namespace PPRNet.Web.Data;

/// <summary>One row per topic of each live summary (published status, not in the trash), carrying
/// the columns the archive sorts and filters by. Kept by triggers (<see cref="ArchiveTallies"/>),
/// so a topic's page reads twenty rows from one index instead of joining the whole archive.</summary>
public class TopicListing
{
    public int TopicId { get; set; }
    public int SummaryId { get; set; }
    public int ResearchTypeId { get; set; }
    public required string Month { get; set; }
    public required string Slug { get; set; }
    public DateOnly PublishedOn { get; set; }
    public required string Title { get; set; }
}
