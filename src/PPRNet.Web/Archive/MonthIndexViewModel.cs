using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Archive;

/// <summary>The months page: every year, newest first, and under it each month that has public summaries.</summary>
public sealed class MonthIndexViewModel : PageViewModel
{
    public required IReadOnlyList<YearGroup> Years { get; init; }

    /// <param name="months">Newest first, as <see cref="Facets.PublicMonthsAsync"/> reads them.</param>
    public static MonthIndexViewModel Create(IStringLocalizer<Ui> t, IReadOnlyList<MonthTally> months)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new()
        {
            Years = months.GroupBy(m => m.Year).Select(g => new YearGroup(g.Key, g.ToList())).ToList(),
            Title = t["Browse by month"],
            Description = t["Every month of the PPRNet Research Blog, newest first, with the number of research summaries in each."],
        };
    }
}
