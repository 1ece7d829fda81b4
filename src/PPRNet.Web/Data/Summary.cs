using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

public enum SummaryStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>One research summary as readers see it. Markdown is the source; the HTML beside it
/// is rendered and sanitized once, when the summary is saved or imported.</summary>
public class Summary
{
    public int Id { get; set; }

    /// <summary>The issue month as "yyyy-MM": sorts as text and reads well in SQL.</summary>
    public required string Month { get; set; }

    public required string Slug { get; set; }
    public required string Title { get; set; }

    public required string CitationMarkdown { get; set; }
    public required string CitationHtml { get; set; }
    public required string CitationText { get; set; }
    public string? Doi { get; set; }
    public string? AuthorEmail { get; set; }

    /// <summary>The cited paper's parts as reference managers want them, read from the citation
    /// when the summary is saved (<see cref="SummaryWriter"/>), like the HTML beside it, so
    /// no page parses it again. Authors are "Surname, I. I."; empty when the citation has no
    /// readable author list. See <see cref="Citations.ApaCitation"/>.</summary>
    public List<string> CitationAuthors { get; set; } = [];
    public string? CitationYear { get; set; }
    public string? CitationTitle { get; set; }
    public string? CitationJournal { get; set; }
    public string? CitationVolume { get; set; }
    public string? CitationIssue { get; set; }
    public string? CitationFirstPage { get; set; }
    public string? CitationLastPage { get; set; }

    public required string BodyMarkdown { get; set; }
    public required string BodyHtml { get; set; }
    public required string ImplicationsMarkdown { get; set; }
    public required string ImplicationsHtml { get; set; }

    /// <summary>Plain text of the summary and of the implications, for full-text search and snippets.</summary>
    public string BodyText { get; set; } = "";
    public string ImplicationsText { get; set; } = "";

    /// <summary>The <see cref="MarkdownRenderer.RenderVersion"/> the HTML was made with.</summary>
    public int RenderedWith { get; set; }

    /// <summary>Plain-text opening of the summary, for lists and meta descriptions.</summary>
    public required string Excerpt { get; set; }

    public int WordCount { get; set; }

    /// <summary>The one-to-three-sentence answer a clinician reads first: what was found and how
    /// far to trust it. Empty on summaries written before the field existed.</summary>
    public string BottomLineMarkdown { get; set; } = "";
    public string BottomLineHtml { get; set; } = "";
    public string BottomLineText { get; set; } = "";

    /// <summary>What limits the study's conclusions; optional.</summary>
    public string LimitationsMarkdown { get; set; } = "";
    public string LimitationsHtml { get; set; } = "";

    public int? Studies { get; set; }

    /// <summary>Independent samples, for meta-analyses that count samples rather than studies.</summary>
    public int? Samples { get; set; }

    public int? Participants { get; set; }

    /// <summary>Other figures, as written (free text).</summary>
    public string? Effect { get; set; }

    /// <summary>The headline effect as numbers, so the page can say how large it is in words.</summary>
    public EffectStatistic? EffectStatistic { get; set; }
    public double? EffectValue { get; set; }
    public double? EffectCiLow { get; set; }
    public double? EffectCiHigh { get; set; }
    public string? EffectOutcome { get; set; }

    public EffectSize? EffectSize => EffectSize.Of(EffectStatistic, EffectValue, EffectCiLow, EffectCiHigh, EffectOutcome);

    /// <summary>How far to trust the finding, in GRADE terms; null when the editors have not said.</summary>
    public CertaintyLevel? CertaintyLevel { get; set; }

    /// <summary>The GRADE domains it was rated down for, as codes separated by commas.</summary>
    public string CertaintyReasons { get; set; } = "";
    public string? CertaintyNote { get; set; }

    public Certainty? Certainty => Certainty.Of(CertaintyLevel, CertaintyReasons, CertaintyNote);

    /// <summary>Who wrote the summary, as readers see it.</summary>
    public string? Contributor { get; set; }

    /// <summary>The date the summary's content was last materially changed after publication.</summary>
    public DateOnly? RevisedOn { get; set; }

    public SummaryStatus Status { get; set; } = SummaryStatus.Published;
    public DateOnly PublishedOn { get; set; }

    public int ResearchTypeId { get; set; }
    public ResearchType ResearchType { get; set; } = null!;
    public List<Topic> Topics { get; set; } = [];

    /// <summary>Content file this summary came from, relative to the content folder; null when
    /// it was created on the web.</summary>
    public string? SourcePath { get; set; }

    /// <summary>Hash of the imported file (and the render version), so unchanged files are skipped.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Length and last-write time (UTC ticks, kept exact) of the file when it was imported:
    /// while both are the same, the importer skips the file without reading it.</summary>
    public long? SourceLength { get; set; }
    public long? SourceWrittenTicks { get; set; }

    /// <summary>True once an editor has saved the summary on the web after its last import, so
    /// a later change to its file is reported as a conflict instead of overwriting the web edit.</summary>
    public bool EditedOnWeb { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Raised on every save; a form that posts an older value is a concurrent edit.</summary>
    public int Version { get; set; }

    /// <summary>Set when the summary is in the trash; trashed summaries are never public.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public List<SummaryRevision> Revisions { get; set; } = [];

}
