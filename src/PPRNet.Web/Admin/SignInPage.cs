using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class SignInPage : PageViewModel
{
    public required SignInForm Form { get; init; }
    public string? Error { get; init; }
}
