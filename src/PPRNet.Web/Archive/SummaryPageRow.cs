using System.Linq.Expressions;
using PPRNet.Web.Citations;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>What a summary's page shows of its own row, and nothing else: no Markdown, no search
/// text, no import bookkeeping. Read straight from the database with <see cref="Projection"/>; the
/// editors' preview applies the same projection to the unsaved entity (<see cref="From"/>), so
/// the preview shows what readers will get.</summary>
public sealed record SummaryPageRow
{
    public required int Id { get; init; }
    public required string Month { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }

    /// <summary>The bottom line in plain text, or the summary's opening where it has none.</summary>
    public required string Description { get; init; }

    public required string CitationHtml { get; init; }
    public required ApaCitation Citation { get; init; }
    public required string? Doi { get; init; }
    public required string? AuthorEmail { get; init; }
    public required string BottomLineHtml { get; init; }
    public required string BodyHtml { get; init; }
    public required string ImplicationsHtml { get; init; }
    public required string LimitationsHtml { get; init; }
    public required int? Studies { get; init; }
    public required int? Samples { get; init; }
    public required int? Participants { get; init; }
    public required EffectSize? EffectSize { get; init; }
    public required string? Effect { get; init; }
    public required Certainty? Certainty { get; init; }
    public required string? Contributor { get; init; }
    public required DateOnly? RevisedOn { get; init; }
    public required DateOnly PublishedOn { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required int WordCount { get; init; }
    public required int ResearchTypeId { get; init; }

    /// <summary>Columns only, plus the constructors EF runs on them after reading (the stored
    /// citation parts, the effect and the certainty), so the statement reads just these columns.</summary>
    public static readonly Expression<Func<Summary, SummaryPageRow>> Projection = s => new SummaryPageRow
    {
        Id = s.Id,
        Month = s.Month,
        Slug = s.Slug,
        Title = s.Title,
        Description = s.BottomLineText != "" ? s.BottomLineText : s.Excerpt,
        CitationHtml = s.CitationHtml,
        Citation = ApaCitation.Stored(s.CitationAuthors, s.CitationYear, s.CitationTitle, s.CitationJournal, s.CitationVolume,
            s.CitationIssue, s.CitationFirstPage, s.CitationLastPage, s.Doi, s.CitationText),
        Doi = s.Doi,
        AuthorEmail = s.AuthorEmail,
        BottomLineHtml = s.BottomLineHtml,
        BodyHtml = s.BodyHtml,
        ImplicationsHtml = s.ImplicationsHtml,
        LimitationsHtml = s.LimitationsHtml,
        Studies = s.Studies,
        Samples = s.Samples,
        Participants = s.Participants,
        EffectSize = EffectSize.Of(s.EffectStatistic, s.EffectValue, s.EffectCiLow, s.EffectCiHigh, s.EffectOutcome),
        Effect = s.Effect,
        Certainty = Certainty.Of(s.CertaintyLevel, s.CertaintyReasons, s.CertaintyNote),
        Contributor = s.Contributor,
        RevisedOn = s.RevisedOn,
        PublishedOn = s.PublishedOn,
        UpdatedAt = s.UpdatedAt,
        WordCount = s.WordCount,
        ResearchTypeId = s.ResearchTypeId,
    };

    private static readonly Func<Summary, SummaryPageRow> FromEntity = Projection.Compile();

    /// <summary>The row of a summary not read from the database (the editors' preview).</summary>
    public static SummaryPageRow From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FromEntity(summary);
    }
}
