using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

/// <summary>A month with public summaries and how many it has ("yyyy-MM").</summary>
public sealed record MonthTally(string Month, int Count)
{
    public string Year => Month[..4];
    public string Label => SummaryRules.MonthLabel(Month);
    public string Url => BlogUrls.Month(Month);
}
