using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Summaries;

/// <summary>The facts box's and the certainty box's words in the page's language: each phrase a
/// whole entry (French adjectives agree, and its word order is its own), and figures written as the
/// language writes numbers ("r = .28, 95% CI [.23, .33]"; "r = 0,28, IC à 95 % [0,23 ; 0,33]").</summary>
public static class SummaryWords
{
    public static string CertaintyLabel(IStringLocalizer t, CertaintyLevel level)
    {
        ArgumentNullException.ThrowIfNull(t);
        return level switch
        {
            CertaintyLevel.High => t["High certainty"],
            CertaintyLevel.Moderate => t["Moderate certainty"],
            CertaintyLevel.Low => t["Low certainty"],
            CertaintyLevel.VeryLow => t["Very low certainty"],
            _ => t["Not rated"],
        };
    }

    public static string CertaintyMeaning(IStringLocalizer t, CertaintyLevel level)
    {
        ArgumentNullException.ThrowIfNull(t);
        return level switch
        {
            CertaintyLevel.High => t["We are very confident that the true result lies close to this finding."],
            CertaintyLevel.Moderate => t["We are moderately confident in this finding: the true result is probably close to it, but it could be substantially different."],
            CertaintyLevel.Low => t["Our confidence in this finding is limited: the true result may be substantially different."],
            CertaintyLevel.VeryLow => t["We have very little confidence in this finding: the true result is likely to be substantially different."],
            _ => t["We have not rated how far to trust this finding."],
        };
    }

    public static string ReasonName(IStringLocalizer t, CertaintyReason reason)
    {
        ArgumentNullException.ThrowIfNull(t);
        return reason switch
        {
            CertaintyReason.RiskOfBias => t["risk of bias"],
            CertaintyReason.Inconsistency => t["inconsistency"],
            CertaintyReason.Imprecision => t["imprecision"],
            CertaintyReason.Indirectness => t["indirectness"],
            _ => t["publication bias"],
        };
    }

    /// <summary>"Rated down for inconsistency and imprecision.", or null when nothing lowered it.</summary>
    public static string? RatedDownFor(IStringLocalizer t, Certainty certainty)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(certainty);
        if (certainty.Reasons.Count == 0)
        {
            return null;
        }

        var names = certainty.Reasons.Select(r => ReasonName(t, r)).ToList();
        var all = names.Count == 1 ? names[0] : t["{0} and {1}", string.Join(", ", names.Take(names.Count - 1)), names[^1]].Value;
        return t["Rated down for {0}.", all];
    }

    /// <summary>The facts box's label for the figure: a correlation is an association, not an effect.</summary>
    public static string EffectLabel(IStringLocalizer t, EffectSize effect)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(effect);
        return effect.Statistic == EffectStatistic.R ? t["Association"] : t["Effect"];
    }

    /// <summary>As research reports write it, in the page's language.</summary>
    public static string EffectFigure(IStringLocalizer t, EffectSize effect)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(effect);
        if (!SiteLanguage.IsFrench)
        {
            return effect.ToString();
        }

        var symbol = EffectSize.Symbol(effect.Statistic);
        return effect.CiLow is { } low && effect.CiHigh is { } high
            ? t["{0} = {1}, 95% CI [{2}, {3}]", symbol, Number(effect.Value), Number(low), Number(high)]
            : t["{0} = {1}", symbol, Number(effect.Value)];
    }

    /// <summary>The size in a phrase a clinician can read, for d, g and r; null for an odds ratio.
    /// An r is shown with its d equivalent; an interval that spans two sizes says so, and one that
    /// holds zero says the direction itself is uncertain.</summary>
    public static string? EffectSizeDescription(IStringLocalizer t, EffectSize effect)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(effect);
        if (EffectSize.OnDScale(effect.Statistic, effect.Value) is not { } d)
        {
            return null;
        }

        var association = effect.Statistic == EffectStatistic.R;
        string WithEquivalent(string phrase) => association
            ? t["{0} (equivalent to d = {1})", phrase, Number(d, apa: false)]
            : phrase;

        if (effect.CiLow is { } low && effect.CiHigh is { } high)
        {
            if (low < 0 && high > 0)
            {
                return t["{0}, but the interval includes zero, so even its direction is uncertain", WithEquivalent(Phrase(t, EffectSize.Band(d), association))];
            }

            var (near, far) = Math.Abs(low) <= Math.Abs(high) ? (low, high) : (high, low);
            var (nearBand, farBand) = (EffectSize.Band(EffectSize.OnDScale(effect.Statistic, near)!.Value),
                EffectSize.Band(EffectSize.OnDScale(effect.Statistic, far)!.Value));
            if (nearBand != farBand)
            {
                return WithEquivalent(nearBand == "below small"
                    ? association
                        ? t["an association from below small to {0} by Cohen's conventions", BandWord(t, farBand)]
                        : t["an effect from below small to {0} by Cohen's conventions", BandWord(t, farBand)]
                    : association
                        ? t["an association between {0} and {1} by Cohen's conventions", BandWord(t, nearBand), BandWord(t, farBand)]
                        : t["an effect between {0} and {1} by Cohen's conventions", BandWord(t, nearBand), BandWord(t, farBand)]);
            }
        }

        return WithEquivalent(Phrase(t, EffectSize.Band(d), association));
    }

    private static string Phrase(IStringLocalizer t, string band, bool association) => (band, association) switch
    {
        ("large", false) => t["a large effect by Cohen's conventions"],
        ("medium", false) => t["a medium effect by Cohen's conventions"],
        ("small", false) => t["a small effect by Cohen's conventions"],
        (_, false) => t["below what Cohen called a small effect"],
        ("large", true) => t["a large association by Cohen's conventions"],
        ("medium", true) => t["a medium association by Cohen's conventions"],
        ("small", true) => t["a small association by Cohen's conventions"],
        _ => t["below what Cohen called a small association"],
    };

    private static string BandWord(IStringLocalizer t, string band) => band switch
    {
        "large" => t["large"],
        "medium" => t["medium"],
        _ => t["small"],
    };

    // French keeps the leading zero ("0,28") that APA drops in English for r; both use a true minus.
    private static string Number(double value, bool apa = true)
    {
        var culture = CultureInfo.CurrentCulture;
        var text = value.ToString(apa ? "0.00#" : "0.00", culture);
        return text.Replace('-', '\u2212');
    }
}
