using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

/// <summary><see cref="ContentLimits.MarkdownProblem"/> in words an editor reads in the page's
/// language: "The summary nests quotes (>) or lists more than 32 levels deep; flatten it (line 3)."</summary>
public static class MarkdownLimits
{
    /// <param name="field">The field as the sentence names it ("The summary"), already in the page's language.</param>
    public static string? Problem(string? markdown, string field, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (ContentLimits.MarkdownProblem(markdown) is not { } problem)
        {
            return null;
        }

        var culture = CultureInfo.CurrentCulture;
        return problem.Line < 0
            ? t["{0} is {1} characters long; the limit is {2} (about 100 KB).", field,
                markdown!.Length.ToString("N0", culture), ContentLimits.MaxMarkdownLength.ToString("N0", culture)]
            : t["{0} nests quotes (>) or lists more than {1} levels deep; flatten it (line {2}).", field,
                ContentLimits.MaxNesting, problem.Line + 1];
    }
}
