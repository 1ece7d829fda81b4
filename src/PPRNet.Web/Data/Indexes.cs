namespace PPRNet.Web.Data;

/// <summary>Names of the indexes the public pages depend on. The EF configurations create them
/// under these names and the raw SQL names them in <c>INDEXED BY</c> (where SQLite, left to itself,
/// picked a wider index), so renaming one here renames both and a typo cannot compile.</summary>
public static class Indexes
{
    /// <summary>Live summaries in archive order: status, trash, month ↓, date ↓, title.</summary>
    public const string SummariesArchive = "IX_Summaries_Archive";

    /// <summary>The archive order within one research type.</summary>
    public const string SummariesArchiveByType = "IX_Summaries_ArchiveByType";

    /// <summary>Status, trash, publish date: feeds and the scheduled summaries not yet public.</summary>
    public const string SummariesPublished = "IX_Summaries_Published";

    public const string SummariesPublishedByType = "IX_Summaries_PublishedByType";

    /// <summary>What the importer compares for every file.</summary>
    public const string SummariesSource = "IX_Summaries_Source";

    /// <summary>A topic's listing rows in archive order.</summary>
    public const string TopicListingsArchive = "IX_TopicListings_Archive";

    public const string TopicListingsArchiveByType = "IX_TopicListings_ArchiveByType";

    public const string TopicListingsPublished = "IX_TopicListings_Published";

    /// <summary>Counts several topics' summaries by type from the index alone.</summary>
    public const string TopicListingsPublishedTypes = "IX_TopicListings_PublishedTypes";
}
