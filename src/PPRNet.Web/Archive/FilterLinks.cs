namespace PPRNet.Web.Archive;

/// <summary>The "Type of Research" and "Topics" link lists, shared by the archive and search pages.</summary>
public sealed record FilterLinks(
    IReadOnlyList<FilterOption> Types,
    IReadOnlyList<FilterOption> Topics,
    string ClearTypeUrl,
    string ClearTopicUrl,
    bool TypeApplied,
    bool TopicApplied);
