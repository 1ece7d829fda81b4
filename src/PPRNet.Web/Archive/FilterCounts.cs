using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>How many public summaries each choice of topic and type shows. Read from the tallies
/// the database keeps at save time (<see cref="ArchiveTallies"/>), less the scheduled summaries
/// whose day has not come: a bounded read, however large the archive.</summary>
public sealed class FilterCounts
{
    private readonly Dictionary<(int Topic, int Type), int> pairs;
    private readonly Dictionary<int, int> byTopic;
    private readonly IReadOnlyList<ScheduledSummary> scheduled;

    public FilterCounts(IEnumerable<FacetCount> tallies, IReadOnlyList<ScheduledSummary> scheduled)
    {
        pairs = tallies.ToDictionary(c => (c.TopicId, c.ResearchTypeId), c => c.Count);
        byTopic = [];
        foreach (var ((topic, _), count) in pairs)
        {
            byTopic[topic] = byTopic.GetValueOrDefault(topic) + count;
        }

        this.scheduled = scheduled;
    }

    public int Count(int? topicId, int? typeId)
    {
        var live = (topicId, typeId) switch
        {
            (null, null) => byTopic.GetValueOrDefault(FacetCount.AnyTopic),
            ({ } topic, null) => byTopic.GetValueOrDefault(topic),
            (null, { } type) => pairs.GetValueOrDefault((FacetCount.AnyTopic, type)),
            ({ } topic, { } type) => pairs.GetValueOrDefault((topic, type)),
        };
        return live - scheduled.Count(s => (typeId is null || s.ResearchTypeId == typeId)
            && (topicId is null || s.HasTopic(topicId.Value)));
    }

    /// <summary>The public summaries of a month, from its tally of live ones.</summary>
    public int PublicInMonth(string month, int live) => live - scheduled.Count(s => s.Month == month);
}
