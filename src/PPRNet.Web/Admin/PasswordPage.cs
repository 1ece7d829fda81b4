using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class PasswordPage : PageViewModel
{
    public required PasswordForm Form { get; init; }
    public string? Message { get; init; }
}
