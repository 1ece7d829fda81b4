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

/// <summary>How many live summaries have a topic and a research type. <see cref="AnyTopic"/> rows
/// count summaries of a type whatever their topics. Kept by triggers in the transaction of the
/// save that changes them, so filter counts never aggregate the archive.</summary>
public class FacetCount
{
    public const int AnyTopic = 0;

    public int TopicId { get; set; }
    public int ResearchTypeId { get; set; }
    public int Count { get; set; }
}

/// <summary>How many live summaries each month has, kept by the same triggers.</summary>
public class MonthCount
{
    public required string Month { get; set; }
    public int Count { get; set; }
}
