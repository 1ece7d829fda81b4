using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

    /// <summary>How <see cref="BlogDbContext"/> stores times (as sortable ticks).</summary>
    private static readonly DateTimeOffsetToBinaryConverter StoredTime = new();

    /// <summary>The columns <see cref="Projection"/> reads, by their entity names.</summary>
    private static readonly string[] Columns =
    [
        nameof(Summary.Id), nameof(Summary.Month), nameof(Summary.Slug), nameof(Summary.Title), nameof(Summary.BottomLineText),
        nameof(Summary.Excerpt), nameof(Summary.CitationHtml), nameof(Summary.CitationText), nameof(Summary.CitationAuthors),
        nameof(Summary.CitationYear), nameof(Summary.CitationTitle), nameof(Summary.CitationJournal), nameof(Summary.CitationVolume),
        nameof(Summary.CitationIssue), nameof(Summary.CitationFirstPage), nameof(Summary.CitationLastPage), nameof(Summary.Doi),
        nameof(Summary.AuthorEmail), nameof(Summary.BottomLineHtml), nameof(Summary.BodyHtml), nameof(Summary.ImplicationsHtml),
        nameof(Summary.LimitationsHtml), nameof(Summary.Studies), nameof(Summary.Samples), nameof(Summary.Participants),
        nameof(Summary.EffectStatistic), nameof(Summary.EffectValue), nameof(Summary.EffectCiLow), nameof(Summary.EffectCiHigh),
        nameof(Summary.EffectOutcome), nameof(Summary.Effect), nameof(Summary.CertaintyLevel), nameof(Summary.CertaintyReasons),
        nameof(Summary.CertaintyNote), nameof(Summary.Contributor), nameof(Summary.RevisedOn), nameof(Summary.PublishedOn),
        nameof(Summary.UpdatedAt), nameof(Summary.WordCount), nameof(Summary.ResearchTypeId),
    ];

    private static readonly Dictionary<string, int> Ordinals =
        Columns.Select((column, ordinal) => (column, ordinal)).ToDictionary(c => c.column, c => c.ordinal);

    /// <summary>A published summary's row by month and slug (parameters $today, $month, $slug), as
    /// one prepared statement: the summary page is the page most read.</summary>
    public static readonly string Sql = $"""
        SELECT {string.Join(", ", Columns)} FROM Summaries
        WHERE {SummaryQueries.PublishedSql(null, SummaryQueries.TodayName)} AND Month = $month AND Slug = $slug LIMIT 1
        """;

    /// <summary>The row <see cref="Sql"/> read, made by the same <see cref="Projection"/> as EF's
    /// reads and the preview, from the columns put back on an entity; null when there is none.</summary>
    public static SummaryPageRow? Read(SqliteDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.Read())
        {
            return null;
        }

        string Text(string column) => reader.GetString(Ordinals[column]);
        T? Value<T>(string column) where T : struct =>
            reader.IsDBNull(Ordinals[column]) ? null : reader.GetFieldValue<T>(Ordinals[column]);
        string? Maybe(string column) => reader.IsDBNull(Ordinals[column]) ? null : Text(column);
        TEnum? Named<TEnum>(string column) where TEnum : struct, Enum => Maybe(column) is { } name ? Enum.Parse<TEnum>(name) : null;

        return From(new Summary
        {
            Id = reader.GetInt32(Ordinals[nameof(Summary.Id)]),
            Month = Text(nameof(Summary.Month)),
            Slug = Text(nameof(Summary.Slug)),
            Title = Text(nameof(Summary.Title)),
            BottomLineText = Text(nameof(Summary.BottomLineText)),
            Excerpt = Text(nameof(Summary.Excerpt)),
            CitationHtml = Text(nameof(Summary.CitationHtml)),
            CitationText = Text(nameof(Summary.CitationText)),
            CitationMarkdown = "",
            CitationAuthors = JsonSerializer.Deserialize<List<string>>(Text(nameof(Summary.CitationAuthors))) ?? [],
            CitationYear = Maybe(nameof(Summary.CitationYear)),
            CitationTitle = Maybe(nameof(Summary.CitationTitle)),
            CitationJournal = Maybe(nameof(Summary.CitationJournal)),
            CitationVolume = Maybe(nameof(Summary.CitationVolume)),
            CitationIssue = Maybe(nameof(Summary.CitationIssue)),
            CitationFirstPage = Maybe(nameof(Summary.CitationFirstPage)),
            CitationLastPage = Maybe(nameof(Summary.CitationLastPage)),
            Doi = Maybe(nameof(Summary.Doi)),
            AuthorEmail = Maybe(nameof(Summary.AuthorEmail)),
            BottomLineHtml = Text(nameof(Summary.BottomLineHtml)),
            BodyHtml = Text(nameof(Summary.BodyHtml)),
            BodyMarkdown = "",
            ImplicationsHtml = Text(nameof(Summary.ImplicationsHtml)),
            ImplicationsMarkdown = "",
            LimitationsHtml = Text(nameof(Summary.LimitationsHtml)),
            Studies = Value<int>(nameof(Summary.Studies)),
            Samples = Value<int>(nameof(Summary.Samples)),
            Participants = Value<int>(nameof(Summary.Participants)),
            EffectStatistic = Named<EffectStatistic>(nameof(Summary.EffectStatistic)),
            EffectValue = Value<double>(nameof(Summary.EffectValue)),
            EffectCiLow = Value<double>(nameof(Summary.EffectCiLow)),
            EffectCiHigh = Value<double>(nameof(Summary.EffectCiHigh)),
            EffectOutcome = Maybe(nameof(Summary.EffectOutcome)),
            Effect = Maybe(nameof(Summary.Effect)),
            CertaintyLevel = Named<CertaintyLevel>(nameof(Summary.CertaintyLevel)),
            CertaintyReasons = Text(nameof(Summary.CertaintyReasons)),
            CertaintyNote = Maybe(nameof(Summary.CertaintyNote)),
            Contributor = Maybe(nameof(Summary.Contributor)),
            RevisedOn = Value<DateOnly>(nameof(Summary.RevisedOn)),
            PublishedOn = reader.GetFieldValue<DateOnly>(Ordinals[nameof(Summary.PublishedOn)]),
            UpdatedAt = (DateTimeOffset)StoredTime.ConvertFromProvider(reader.GetInt64(Ordinals[nameof(Summary.UpdatedAt)]))!,
            WordCount = reader.GetInt32(Ordinals[nameof(Summary.WordCount)]),
            ResearchTypeId = reader.GetInt32(Ordinals[nameof(Summary.ResearchTypeId)]),
        });
    }

    /// <summary>The row of a summary not read from the database (the editors' preview).</summary>
    public static SummaryPageRow From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FromEntity(summary);
    }
}
