using PPRNet.Web.Data;

namespace PPRNet.Web.Admin;

/// <summary>Reads the summary form's certainty fields (rating, reasons, note) into a rating, or
/// names the one field at fault in words an editor can act on.</summary>
public static class TypedCertainty
{
    public static (Certainty? Certainty, string? Field, string? Problem) Read(SummaryForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var note = string.IsNullOrWhiteSpace(form.CertaintyNote) ? null : form.CertaintyNote.Trim();
        var codes = form.CertaintyReasons.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (string.IsNullOrWhiteSpace(form.CertaintyLevel))
        {
            return note is null && codes.Count == 0
                ? (null, null, null)
                : (null, nameof(SummaryForm.CertaintyLevel), "Choose a rating, or clear the reasons and the note.");
        }

        if (!Certainty.TryParseLevel(form.CertaintyLevel, out var level))
        {
            return (null, nameof(SummaryForm.CertaintyLevel), "Choose one of the listed ratings.");
        }

        var reasons = new List<CertaintyReason>();
        foreach (var code in codes)
        {
            if (!Certainty.TryParseReason(code, out var reason))
            {
                return (null, nameof(SummaryForm.CertaintyReasons), $"\"{code}\" is not one of the listed reasons.");
            }

            reasons.Add(reason);
        }

        if (Certainty.Problem(level, reasons, note) is { } problem)
        {
            var field = note is null ? nameof(SummaryForm.CertaintyNote) : nameof(SummaryForm.CertaintyReasons);
            return (null, field, char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        }

        return (new Certainty(level, reasons.Distinct().ToList(), note!), null, null);
    }
}
