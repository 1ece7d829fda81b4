using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
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

    /// <summary>Which page of the month this is, of how many (20 summaries a page).</summary>
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required int Total { get; init; }

    public string PageUrl(int page) => BlogUrls.MonthPage(Month, page);

    internal static IssueViewModel Create(IStringLocalizer<Ui> t, string month, bool isLatest, MonthPage read,
        IReadOnlyList<SummaryCard> summaries,
        int page, int pageSize, DateOnly today)
    {
        var label = SummaryRules.MonthLabel(month);
        var pageCount = Math.Max(1, (read.Total + pageSize - 1) / pageSize);

        return new IssueViewModel
        {
            IsCurrentMonth = month == today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Month = month,
            IntroHtml = page == 1 ? read.IntroHtml : null,
            Summaries = summaries,
            NewerMonth = read.NewerMonth,
            OlderMonth = read.OlderMonth,
            Page = page,
            PageCount = pageCount,
            Total = read.Total,
            Title = isLatest ? t["PPRNet Research Blog: psychotherapy research for practising clinicians"]
                : page > 1 ? t["{0}: research summaries (page {1} of {2})", label, page, pageCount]
                : t["{0}: research summaries", label],
            Description = t["{0} on the PPRNet Research Blog: {1}.", label, string.Join("; ", summaries.Select(s => s.Title))],
        };
    }
}
