using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

public sealed record MonthGroup(string Month, IReadOnlyList<SummaryCard> Summaries)
{
    public string Label => SummaryRules.MonthLabel(Month);
    public string Url => BlogUrls.Month(Month);
}
