namespace PPRNet.Web.Data;

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
