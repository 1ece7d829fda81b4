namespace PPRNet.Web.Archive;

/// <summary>One year of the months page: its months with public summaries, newest first.</summary>
public sealed record YearGroup(string Year, IReadOnlyList<MonthTally> Months)
{
    /// <summary>The year's heading id, which <see cref="BlogUrls.MonthsOfYear"/> links to.</summary>
    public string HeadingId => BlogUrls.YearHeadingId(Year);
}
