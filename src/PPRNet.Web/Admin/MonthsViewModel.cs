using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class MonthsViewModel : PageViewModel
{
    public required IReadOnlyList<MonthRow> Months { get; init; }
}
