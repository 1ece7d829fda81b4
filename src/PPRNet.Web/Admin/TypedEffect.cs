using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Admin;

/// <summary>Reads the summary form's effect fields (statistic, value, interval, outcome) into an
/// effect size, or names the one field at fault in words an editor can act on.</summary>
public static class TypedEffect
{
    /// <summary>The structured effect typed in, or the field at fault (its reason in English).</summary>
    public static (EffectSize? Effect, string? Field, string? Problem) Read(SummaryForm form) => Read(form, KeysOnly.Instance);

    /// <summary>The structured effect typed in, or the field at fault and why, in <paramref name="t"/>'s language.</summary>
    public static (EffectSize? Effect, string? Field, string? Problem) Read(SummaryForm form, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(t);
        var typed = new[] { form.EffectStatistic, form.EffectValue, form.EffectCiLow, form.EffectCiHigh, form.EffectOutcome }
            .Any(v => !string.IsNullOrWhiteSpace(v));
        if (!typed)
        {
            return (null, null, null);
        }

        if (!Data.EffectSize.TryParseStatistic(form.EffectStatistic, out var statistic))
        {
            return (null, nameof(SummaryForm.EffectStatistic), t["Choose the statistic (d, g, r or odds ratio), or clear the effect fields."]);
        }

        if (!TryNumber(form.EffectValue, out var value) || value is null)
        {
            return (null, nameof(SummaryForm.EffectValue), t["Enter the effect as a number, such as 0.28 or -0.39."]);
        }

        if (!TryNumber(form.EffectCiLow, out var low))
        {
            return (null, nameof(SummaryForm.EffectCiLow), t["Enter the lower end of the interval as a number, such as 0.23."]);
        }

        if (!TryNumber(form.EffectCiHigh, out var high))
        {
            return (null, nameof(SummaryForm.EffectCiHigh), t["Enter the upper end of the interval as a number, such as 0.33."]);
        }

        if (Data.EffectSize.Problem(statistic, value.Value, low, high) is { } problem)
        {
            var field = problem.Contains("interval", StringComparison.Ordinal)
                ? nameof(SummaryForm.EffectCiLow)
                : nameof(SummaryForm.EffectValue);
            return (null, field, Sentence(problem, t));
        }

        var outcome = string.IsNullOrWhiteSpace(form.EffectOutcome) ? null : form.EffectOutcome.Trim();
        return (new EffectSize(statistic, value.Value, low, high, outcome), null, null);
    }

    /// <summary>A number as an editor types it: the data's own notation (0.28, .28, -0.39, −0.39)
    /// whatever the page's language, and on French pages also the decimal comma (0,28), which
    /// is how French writes numbers. Never the culture's grouping: "1,234" on an English page is
    /// refused rather than read as 1234.</summary>
    public static bool TryParseNumber(string? text, out double number)
    {
        var trimmed = text?.Trim();
        if (SiteLanguage.IsFrench && trimmed is not null && !trimmed.Contains('.', StringComparison.Ordinal)
            && trimmed.Count(c => c == ',') == 1)
        {
            trimmed = trimmed.Replace(',', '.');
        }

        return Data.EffectSize.TryParseNumber(trimmed, out number);
    }

    /// <summary>The rule the numbers broke (<see cref="Data.EffectSize.Problem"/>), as a sentence.</summary>
    private static string Sentence(string problem, IStringLocalizer t) => problem switch
    {
        "the value must be a number" => t["The value must be a number."],
        "a correlation r lies between -1 and 1" => t["A correlation r lies between -1 and 1."],
        "an odds ratio is above 0" => t["An odds ratio is above 0."],
        "give both ends of the confidence interval, or neither" => t["Give both ends of the confidence interval, or neither."],
        "the confidence interval must contain the value (lower end first)" =>
            t["The confidence interval must contain the value (lower end first)."],
        _ => char.ToUpper(problem[0], CultureInfo.InvariantCulture) + problem[1..] + ".",
    };

    private static bool TryNumber(string? text, out double? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TryParseNumber(text, out var parsed))
        {
            number = parsed;
            return true;
        }

        return false;
    }
}
