using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class AccountsViewModel : PageViewModel
{
    public required IReadOnlyList<AccountRow> Accounts { get; init; }
    public string? Message { get; init; }

    /// <summary>The new-account form, as the admin left it when it was refused.</summary>
    public required NewAccountForm Form { get; init; }
}
