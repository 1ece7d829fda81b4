using PPRNet.Web.Data;

namespace PPRNet.Web.Admin;

/// <summary>Reads the summary form's effect fields (statistic, value, interval, outcome) into an
/// effect size, or names the one field at fault in words an editor can act on.</summary>
public static class TypedEffect
{
    /// <summary>The structured effect typed in, or the field at fault and why.</summary>
    public static (EffectSize? Effect, string? Field, string? Problem) Read(SummaryForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var typed = new[] { form.EffectStatistic, form.EffectValue, form.EffectCiLow, form.EffectCiHigh, form.EffectOutcome }
            .Any(v => !string.IsNullOrWhiteSpace(v));
        if (!typed)
        {
            return (null, null, null);
        }

        if (!Data.EffectSize.TryParseStatistic(form.EffectStatistic, out var statistic))
        {
            return (null, nameof(SummaryForm.EffectStatistic), "Choose the statistic (d, g, r or odds ratio), or clear the effect fields.");
        }

        if (!TryNumber(form.EffectValue, out var value) || value is null)
        {
            return (null, nameof(SummaryForm.EffectValue), "Enter the effect as a number, such as 0.28 or -0.39.");
        }

        if (!TryNumber(form.EffectCiLow, out var low))
        {
            return (null, nameof(SummaryForm.EffectCiLow), "Enter the lower end of the interval as a number, such as 0.23.");
        }

        if (!TryNumber(form.EffectCiHigh, out var high))
        {
            return (null, nameof(SummaryForm.EffectCiHigh), "Enter the upper end of the interval as a number, such as 0.33.");
        }

        if (Data.EffectSize.Problem(statistic, value.Value, low, high) is { } problem)
        {
            var field = problem.Contains("interval", StringComparison.Ordinal)
                ? nameof(SummaryForm.EffectCiLow)
                : nameof(SummaryForm.EffectValue);
            return (null, field, char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        }

        var outcome = string.IsNullOrWhiteSpace(form.EffectOutcome) ? null : form.EffectOutcome.Trim();
        return (new EffectSize(statistic, value.Value, low, high, outcome), null, null);
    }

    private static bool TryNumber(string? text, out double? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Data.EffectSize.TryParseNumber(text, out var parsed))
        {
            number = parsed;
            return true;
        }

        return false;
    }
}
