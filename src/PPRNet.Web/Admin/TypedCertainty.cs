using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Admin;

/// <summary>Reads the summary form's certainty fields (rating, reasons, note) into a rating, or
/// names the one field at fault in words an editor can act on.</summary>
public static class TypedCertainty
{
    /// <summary>The rating typed in, or the field at fault (its reason in English).</summary>
    public static (Certainty? Certainty, string? Field, string? Problem) Read(SummaryForm form) => Read(form, KeysOnly.Instance);

    /// <summary>The rating typed in, or the field at fault and why, in <paramref name="t"/>'s language.</summary>
    public static (Certainty? Certainty, string? Field, string? Problem) Read(SummaryForm form, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(t);
        var note = string.IsNullOrWhiteSpace(form.CertaintyNote) ? null : form.CertaintyNote.Trim();
        var codes = form.CertaintyReasons.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (string.IsNullOrWhiteSpace(form.CertaintyLevel))
        {
            return note is null && codes.Count == 0
                ? (null, null, null)
                : (null, nameof(SummaryForm.CertaintyLevel), t["Choose a rating, or clear the reasons and the note."]);
        }

        if (!Certainty.TryParseLevel(form.CertaintyLevel, out var level))
        {
            return (null, nameof(SummaryForm.CertaintyLevel), t["Choose one of the listed ratings."]);
        }

        var reasons = new List<CertaintyReason>();
        foreach (var code in codes)
        {
            if (!Certainty.TryParseReason(code, out var reason))
            {
                return (null, nameof(SummaryForm.CertaintyReasons), t["\"{0}\" is not one of the listed reasons.", code]);
            }

            reasons.Add(reason);
        }

        if (Certainty.Problem(level, reasons, note) is { } problem)
        {
            var field = note is null ? nameof(SummaryForm.CertaintyNote) : nameof(SummaryForm.CertaintyReasons);
            return (null, field, Sentence(problem, level, t));
        }

        return (new Certainty(level, reasons.Distinct().ToList(), note!), null, null);
    }

    /// <summary>The rule the rating broke (<see cref="Certainty.Problem"/>), as a sentence.</summary>
    private static string Sentence(string problem, CertaintyLevel level, IStringLocalizer t) => problem switch
    {
        "say in a sentence why this summary has no rating" => t["Say in a sentence why this summary has no rating."],
        "say in a sentence or two why the evidence earns this rating" => t["Say in a sentence or two why the evidence earns this rating."],
        _ when problem.EndsWith("is not rated down for anything; leave the reasons out", StringComparison.Ordinal) =>
            t["A rating of \"{0}\" is not rated down for anything; leave the reasons out.", Certainty.Code(level)],
        _ => char.ToUpperInvariant(problem[0]) + problem[1..] + ".",
    };
}
