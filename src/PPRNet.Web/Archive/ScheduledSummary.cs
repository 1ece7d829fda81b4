namespace PPRNet.Web.Archive;

/// <summary>A summary that is published with a date still to come.</summary>
public sealed class ScheduledSummary
{
    public int Id { get; set; }
    public string Month { get; set; } = "";
    public int ResearchTypeId { get; set; }
    public string? TopicIds { get; set; }

    private HashSet<int>? topics;

    // Parsed once: the counts ask this for every topic on the page.
    public bool HasTopic(int topicId) =>
        (topics ??= (TopicIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()).Contains(topicId);
}
