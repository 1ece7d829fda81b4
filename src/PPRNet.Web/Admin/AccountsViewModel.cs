using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class AccountsViewModel : PageViewModel
{
    public required IReadOnlyList<AccountRow> Accounts { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    public string? Email { get; init; }
}
