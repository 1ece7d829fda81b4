using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class IntroFormPage : PageViewModel
{
    public required IntroForm Form { get; init; }
    public string? PreviewHtml { get; init; }
    public string? Message { get; init; }
}
