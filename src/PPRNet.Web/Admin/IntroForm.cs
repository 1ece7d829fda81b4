using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

public sealed class IntroForm : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public string? Month { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "\"This month...\" intro (Markdown)")]
    public string? Markdown { get; set; }

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
        System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (ContentLimits.MarkdownProblem(Markdown) is { } problem)
        {
            yield return new($"The intro {problem.Problem}{ContentLimits.LineNote(problem.Line)}.", [nameof(Markdown)]);
        }
    }
}
