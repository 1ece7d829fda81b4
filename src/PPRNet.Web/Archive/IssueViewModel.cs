using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

public sealed class IssueViewModel : PageViewModel
{
    public required string Month { get; init; }
    public string? IntroHtml { get; init; }
    public required IReadOnlyList<SummaryCard> Summaries { get; init; }
    public string? NewerMonth { get; init; }
    public string? OlderMonth { get; init; }
    public string Label => SummaryRules.MonthLabel(Month);

    /// <summary>True when the issue is this calendar month's; the home page says "Latest month" otherwise.</summary>
    public bool IsCurrentMonth { get; init; }

    public static IssueViewModel Create(string month, bool isLatest, string? introHtml, IReadOnlyList<SummaryCard> summaries,
        string? newer, string? older, DateOnly today)
    {
        var label = SummaryRules.MonthLabel(month);
        return new IssueViewModel
        {
            IsCurrentMonth = month == today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Month = month,
            IntroHtml = introHtml,
            Summaries = summaries,
            NewerMonth = newer,
            OlderMonth = older,
            Title = isLatest ? "PPRNet Research Blog: psychotherapy research for practising clinicians" : $"{label}: research summaries",
            Description = $"{label} on the PPRNet Research Blog: {string.Join("; ", summaries.Select(s => s.Title))}.",
        };
    }
}
