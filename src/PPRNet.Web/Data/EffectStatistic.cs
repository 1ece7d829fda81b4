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
