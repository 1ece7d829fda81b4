namespace PPRNet.Web.Data;

/// <summary>GRADE's four levels of certainty, as Cochrane uses them, and a deliberate "not rated"
/// for a summary whose sources do not support a rating (a qualitative study, a narrative review).</summary>
public enum CertaintyLevel
{
    High,
    Moderate,
    Low,
    VeryLow,
    NotRated,
}

/// <summary>The five GRADE domains for which a body of evidence is rated down.</summary>
public enum CertaintyReason
{
    RiskOfBias,
    Inconsistency,
    Imprecision,
    Indirectness,
    PublicationBias,
}

/// <summary>How far to trust a summary's finding, in GRADE terms, with the domains that lowered it
/// and the editors' plain-words reason. Knows its codes (front matter, form, columns); its words, in each language, are
/// <see cref="PPRNet.Web.Summaries.SummaryWords"/>.</summary>
public sealed record Certainty(CertaintyLevel Level, IReadOnlyList<CertaintyReason> Reasons, string Note)
{
    public static IReadOnlyList<CertaintyLevel> Levels { get; } = Enum.GetValues<CertaintyLevel>();

    public static IReadOnlyList<CertaintyReason> AllReasons { get; } = Enum.GetValues<CertaintyReason>();

    /// <summary>The rating stored in a summary's columns: none unless there is a level.</summary>
    public static Certainty? Of(CertaintyLevel? level, string? reasons, string? note) =>
        level is { } known
            ? new Certainty(known, ParseStoredReasons(reasons), note ?? "")
            : null;

    public static string Code(CertaintyLevel level) => level switch
    {
        CertaintyLevel.High => "high",
        CertaintyLevel.Moderate => "moderate",
        CertaintyLevel.Low => "low",
        CertaintyLevel.VeryLow => "very-low",
        _ => "not-rated",
    };

    public static string Code(CertaintyReason reason) => reason switch
    {
        CertaintyReason.RiskOfBias => "risk-of-bias",
        CertaintyReason.Inconsistency => "inconsistency",
        CertaintyReason.Imprecision => "imprecision",
        CertaintyReason.Indirectness => "indirectness",
        _ => "publication-bias",
    };

    /// <summary>Accepts the code, or the words with a space ("very low", "risk of bias").</summary>
    public static bool TryParseLevel(string? text, out CertaintyLevel level) => TryParse(text, Levels, Code, out level);

    public static bool TryParseReason(string? text, out CertaintyReason reason) => TryParse(text, AllReasons, Code, out reason);

    public string StoredReasons => string.Join(',', Reasons.Select(Code));

    /// <summary>A problem with a rating as an editor wrote it, or null. Every rating says why in
    /// words; only a rating below high is rated down for something, and "not rated" for nothing.</summary>
    public static string? Problem(CertaintyLevel level, IReadOnlyCollection<CertaintyReason> reasons, string? note)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (string.IsNullOrWhiteSpace(note))
        {
            return level == CertaintyLevel.NotRated
                ? "say in a sentence why this summary has no rating"
                : "say in a sentence or two why the evidence earns this rating";
        }

        return level is CertaintyLevel.High or CertaintyLevel.NotRated && reasons.Count > 0
            ? $"a rating of \"{Code(level)}\" is not rated down for anything; leave the reasons out"
            : null;
    }

    private static List<CertaintyReason> ParseStoredReasons(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => TryParseReason(code, out var reason) ? reason : (CertaintyReason?)null)
            .OfType<CertaintyReason>().Distinct().ToList();

    private static bool TryParse<T>(string? text, IReadOnlyList<T> values, Func<T, string> code, out T value)
        where T : struct, Enum
    {
        var wanted = text?.Trim().ToLowerInvariant().Replace(' ', '-');
        foreach (var candidate in values)
        {
            if (code(candidate) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
