using System.Globalization;

namespace PPRNet.Web.Data;

public enum EffectStatistic
{
    /// <summary>Cohen's d: a standardized mean difference.</summary>
    D,

    /// <summary>Hedges' g: d corrected for small samples.</summary>
    G,

    /// <summary>A correlation.</summary>
    R,

    /// <summary>An odds ratio.</summary>
    OddsRatio,
}

/// <summary>A study's headline effect as numbers: statistic, value and optional 95% confidence
/// interval. Knows how to write itself and, for d, g and r, its conventional size in words.</summary>
public sealed record EffectSize(EffectStatistic Statistic, double Value, double? CiLow, double? CiHigh, string? Outcome)
{
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
        double.TryParse(text?.Trim().Replace('\u2212', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

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

    /// <summary>Cohen's conventional size, for the statistics that have one; null otherwise.</summary>
    public string? SizeInWords
    {
        get
        {
            var (small, medium, large) = Statistic switch
            {
                EffectStatistic.D or EffectStatistic.G => (0.2, 0.5, 0.8),
                EffectStatistic.R => (0.1, 0.3, 0.5),
                _ => (double.NaN, double.NaN, double.NaN),
            };
            if (double.IsNaN(small))
            {
                return null;
            }

            var size = Math.Abs(Value);
            return size >= large ? "large"
                : size >= medium ? "medium"
                : size >= small ? "small"
                : "smaller than small";
        }
    }

    /// <summary>The size in a phrase a clinician can read, for d, g and r; null for an odds ratio.</summary>
    public string? SizeDescription => SizeInWords switch
    {
        null => null,
        "smaller than small" => "below what Cohen called a small effect",
        var size => $"a {size} effect by Cohen's conventions",
    };

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
