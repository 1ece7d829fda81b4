using System.Globalization;

namespace PPRNet.Web.Data;

/// <summary>A study's headline effect as numbers: statistic, value and optional 95% confidence
/// interval. Knows how to write itself and, for d, g and r, its conventional size band; the words
/// for it, in each language, are <see cref="PPRNet.Web.Summaries.SummaryWords"/>.</summary>
public sealed record EffectSize(EffectStatistic Statistic, double Value, double? CiLow, double? CiHigh, string? Outcome)
{
    /// <summary>The effect stored in a summary's columns: none unless both statistic and value are there.</summary>
    public static EffectSize? Of(EffectStatistic? statistic, double? value, double? ciLow, double? ciHigh, string? outcome) =>
        statistic is { } known && value is { } number ? new EffectSize(known, number, ciLow, ciHigh, outcome) : null;

    /// <summary>The spellings accepted in front matter and the form, and the one written back.</summary>
    public static bool TryParseStatistic(string? text, out EffectStatistic statistic)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "d": statistic = EffectStatistic.D; return true;
            case "g": statistic = EffectStatistic.G; return true;
            case "r": statistic = EffectStatistic.R; return true;
            case "or": statistic = EffectStatistic.OddsRatio; return true;
            default: statistic = default; return false;
        }
    }

    /// <summary>Reads a number as written in front matter or the form: invariant culture, and the
    /// typographic minus sign (U+2212) that papers and our own pages use.</summary>
    public static bool TryParseNumber(string? text, out double number) =>
        double.TryParse(text?.Trim().Replace('\u2212', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);

    public static string Code(EffectStatistic statistic) => statistic switch
    {
        EffectStatistic.D => "d",
        EffectStatistic.G => "g",
        EffectStatistic.R => "r",
        _ => "or",
    };

    public static string Symbol(EffectStatistic statistic) => statistic == EffectStatistic.OddsRatio ? "OR" : Code(statistic);

    public static string Name(EffectStatistic statistic) => statistic switch
    {
        EffectStatistic.D => "Cohen's d",
        EffectStatistic.G => "Hedges' g",
        EffectStatistic.R => "correlation r",
        _ => "odds ratio",
    };

    /// <summary>A problem with the numbers, or null: r lies in [-1, 1], an odds ratio above 0,
    /// and an interval must hold its value.</summary>
    public static string? Problem(EffectStatistic statistic, double value, double? low, double? high)
    {
        if (!double.IsFinite(value))
        {
            return "the value must be a number";
        }

        if (statistic == EffectStatistic.R && Math.Abs(value) > 1)
        {
            return "a correlation r lies between -1 and 1";
        }

        if (statistic == EffectStatistic.OddsRatio && value <= 0)
        {
            return "an odds ratio is above 0";
        }

        if (low is null != high is null)
        {
            return "give both ends of the confidence interval, or neither";
        }

        if (low is { } l && high is { } h && !(l <= value && value <= h))
        {
            return "the confidence interval must contain the value (lower end first)";
        }

        return null;
    }

    /// <summary>The value on d's scale, where every size word is decided: d and g as they are, r
    /// through d = 2r / sqrt(1 - r^2), so that r = .28 and its equivalent d = .58 can never get
    /// different words on one page. Null for an odds ratio, which gets no words.</summary>
    public static double? OnDScale(EffectStatistic statistic, double value) => statistic switch
    {
        EffectStatistic.D or EffectStatistic.G => value,
        EffectStatistic.R when Math.Abs(value) < 1 => 2 * value / Math.Sqrt(1 - (value * value)),
        EffectStatistic.R => double.PositiveInfinity * Math.Sign(value),
        _ => null,
    };

    /// <summary>Cohen's conventions for d (0.2 small, 0.5 medium, 0.8 large), the one rule every
    /// statistic is put into words by; "below small" under 0.2.</summary>
    public static string Band(double onDScale)
    {
        var size = Math.Abs(onDScale);
        return size >= 0.8 ? "large" : size >= 0.5 ? "medium" : size >= 0.2 ? "small" : "below small";
    }

    /// <summary>As research reports write it: "r = .28, 95% CI [.23, .33]".</summary>
    public override string ToString()
    {
        var text = $"{Symbol(Statistic)} = {Number(Value)}";
        return CiLow is { } low && CiHigh is { } high ? $"{text}, 95% CI [{Number(low)}, {Number(high)}]" : text;
    }

    // APA drops the leading zero of a statistic that cannot exceed 1 (r), and keeps it otherwise.
    private string Number(double value)
    {
        var text = value.ToString("0.00#", CultureInfo.InvariantCulture);
        if (Statistic == EffectStatistic.R)
        {
            text = text.Replace("0.", ".", StringComparison.Ordinal);
        }

        return text.Replace('-', '\u2212');
    }
}
