using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Tests.Summaries;

/// <summary>Every statistic is put into words by one rule, Cohen's d benchmarks, with an r first
/// turned into its d equivalent, so one finding never gets two sizes on one page; and the words
/// are the same phrases in English and French.</summary>
public sealed class SummaryWordsTests
{
    private static readonly UiText T = new();

    [Theory]
    [InlineData(EffectStatistic.R, 0.278, "medium")]
    [InlineData(EffectStatistic.R, 0.26, "medium")]
    [InlineData(EffectStatistic.R, 0.39, "large")]
    [InlineData(EffectStatistic.R, 0.09, "below small")]
    [InlineData(EffectStatistic.R, -0.39, "large")]
    [InlineData(EffectStatistic.D, 0.58, "medium")]
    [InlineData(EffectStatistic.G, 0.28, "small")]
    [InlineData(EffectStatistic.D, -0.05, "below small")]
    public void A_value_is_named_by_the_d_benchmarks_after_an_r_is_turned_into_its_d_equivalent(
        EffectStatistic statistic, double value, string band)
    {
        Assert.Equal(band, EffectSize.Band(EffectSize.OnDScale(statistic, value)!.Value));
    }

    [Fact]
    public void An_r_and_its_d_equivalent_get_the_same_words()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var r = new EffectSize(EffectStatistic.R, 0.278, null, null, null);
        var d = new EffectSize(EffectStatistic.D, EffectSize.OnDScale(EffectStatistic.R, 0.278)!.Value, null, null, null);

        Assert.Equal(0.579, EffectSize.OnDScale(EffectStatistic.R, 0.278)!.Value, 3);
        Assert.Equal("a medium effect by Cohen's conventions", SummaryWords.EffectSizeDescription(T, d));
        Assert.StartsWith("a medium association by Cohen's conventions", SummaryWords.EffectSizeDescription(T, r),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_correlation_is_an_association_shown_with_its_d_equivalent()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var r = new EffectSize(EffectStatistic.R, 0.278, 0.256, 0.299, "alliance and outcome");

        Assert.Equal("Association", SummaryWords.EffectLabel(T, r));
        Assert.Equal("r = .278, 95% CI [.256, .299]", SummaryWords.EffectFigure(T, r));
        Assert.Equal("a medium association by Cohen's conventions (equivalent to d = 0.58)", SummaryWords.EffectSizeDescription(T, r));
    }

    [Fact]
    public void An_interval_that_spans_two_sizes_says_between_them()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var r = new EffectSize(EffectStatistic.R, 0.29, 0.10, 0.47, null);

        Assert.Equal("an association between small and large by Cohen's conventions (equivalent to d = 0.61)",
            SummaryWords.EffectSizeDescription(T, r));
    }

    [Fact]
    public void An_interval_that_holds_zero_says_even_the_direction_is_uncertain()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var d = new EffectSize(EffectStatistic.D, 0.12, -0.05, 0.29, null);

        Assert.Equal("below what Cohen called a small effect, but the interval includes zero, so even its direction is uncertain",
            SummaryWords.EffectSizeDescription(T, d));
    }

    [Fact]
    public void An_odds_ratio_gets_no_words()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var or = new EffectSize(EffectStatistic.OddsRatio, 2.1, 1.4, 3.2, null);

        Assert.Null(SummaryWords.EffectSizeDescription(T, or));
        Assert.Equal("Effect", SummaryWords.EffectLabel(T, or));
    }

    [Fact]
    public void French_writes_the_same_rule_with_its_own_numbers_and_agreement()
    {
        using var french = SiteLanguage.Use(SiteLanguage.FrenchCode);
        var r = new EffectSize(EffectStatistic.R, 0.278, 0.256, 0.299, null);

        Assert.Equal("Association", SummaryWords.EffectLabel(T, r));
        Assert.Equal("r = 0,278, IC à 95\u00a0% [0,256\u202f; 0,299]", SummaryWords.EffectFigure(T, r));
        Assert.Equal("une association moyenne, selon les conventions de Cohen (l’équivalent de d = 0,58)",
            SummaryWords.EffectSizeDescription(T, r));
    }

    [Fact]
    public void A_rating_lowered_for_several_reasons_names_them_all()
    {
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var certainty = new Certainty(CertaintyLevel.Low,
            [CertaintyReason.RiskOfBias, CertaintyReason.Inconsistency, CertaintyReason.Imprecision], "");

        Assert.Equal("Low certainty", SummaryWords.CertaintyLabel(T, certainty.Level));
        Assert.Equal("Rated down for risk of bias, inconsistency and imprecision.", SummaryWords.RatedDownFor(T, certainty));
        Assert.Null(SummaryWords.RatedDownFor(T, certainty with { Reasons = [] }));
    }
}
