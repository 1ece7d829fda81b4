namespace PPRNet.Web.Archive;

/// <summary>A research type and how many summaries it has, as the several-topics count reads it.</summary>
internal sealed class TypeCountRow
{
    public int ResearchTypeId { get; set; }
    public int Count { get; set; }
}
