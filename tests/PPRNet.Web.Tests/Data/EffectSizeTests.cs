using PPRNet.Web.Data;

namespace PPRNet.Web.Tests.Data;

/// <summary>Every statistic is put into words by one rule, Cohen's d benchmarks, with an r first
/// turned into its d equivalent, so one finding never gets two sizes on one page.</summary>
public sealed class EffectSizeTests
{
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
        EffectStatistic statistic, double value, string words)
    {
        Assert.Equal(words, new EffectSize(statistic, value, null, null, null).SizeInWords);
    }

    [Fact]
    public void An_r_and_its_d_equivalent_get_the_same_word()
    {
        var r = new EffectSize(EffectStatistic.R, 0.278, null, null, null);
        var d = new EffectSize(EffectStatistic.D, EffectSize.OnDScale(EffectStatistic.R, 0.278)!.Value, null, null, null);

        Assert.Equal(d.SizeInWords, r.SizeInWords);
        Assert.Equal(0.579, EffectSize.OnDScale(EffectStatistic.R, 0.278)!.Value, 3);
    }

    [Fact]
    public void A_correlation_is_an_association_shown_with_its_d_equivalent()
    {
        var r = new EffectSize(EffectStatistic.R, 0.278, 0.256, 0.299, "alliance and outcome");

        Assert.Equal("Association", r.Label);
        Assert.Equal("a medium association by Cohen's conventions (equivalent to d = 0.58)", r.SizeDescription);
    }

    [Fact]
    public void An_interval_that_spans_two_sizes_says_between_them()
    {
        var r = new EffectSize(EffectStatistic.R, 0.29, 0.10, 0.47, null);

        Assert.Equal("an association between small and large by Cohen's conventions (equivalent to d = 0.61)", r.SizeDescription);
    }

    [Fact]
    public void An_interval_that_holds_zero_says_even_the_direction_is_uncertain()
    {
        var d = new EffectSize(EffectStatistic.D, 0.12, -0.05, 0.29, null);

        Assert.Equal("below what Cohen called a small effect, but the interval includes zero, so even its direction is uncertain",
            d.SizeDescription);
    }

    [Fact]
    public void An_odds_ratio_gets_no_words()
    {
        var or = new EffectSize(EffectStatistic.OddsRatio, 2.1, 1.4, 3.2, null);

        Assert.Null(or.SizeInWords);
        Assert.Null(or.SizeDescription);
        Assert.Equal("Effect", or.Label);
    }
}
