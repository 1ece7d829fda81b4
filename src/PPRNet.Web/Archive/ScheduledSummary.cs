namespace PPRNet.Web.Archive;

/// <summary>A summary that is published with a date still to come.</summary>
public sealed class ScheduledSummary
{
    public int Id { get; set; }
    public string Month { get; set; } = "";
    public int ResearchTypeId { get; set; }
    public string? TopicIds { get; set; }

    private List<int>? topics;

    // Parsed once: the counts ask this for every topic on the page.
    public bool HasTopic(int topicId) => (topics ??= Data.IdLists.Parse(TopicIds)).Contains(topicId);
}
