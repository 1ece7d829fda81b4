namespace PPRNet.Web.Data;

/// <summary>How many live summaries each month has, kept by the same triggers.</summary>
public class MonthCount
{
    public required string Month { get; set; }
    public int Count { get; set; }
}
