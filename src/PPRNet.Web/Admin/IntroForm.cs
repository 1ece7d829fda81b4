using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Admin;

public sealed class IntroForm : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public string? Month { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "\"This month...\" intro (Markdown)")]
    public string? Markdown { get; set; }

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
        System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var t = (IStringLocalizer)validationContext.GetRequiredService(typeof(IStringLocalizer<Ui>));
        if (MarkdownLimits.Problem(Markdown, t["The intro"], t) is { } problem)
        {
            yield return new(problem, [nameof(Markdown)]);
        }
    }
}
