using PPRNet.Web.Data;

namespace PPRNet.Web.Summaries;

/// <summary>A summary that has passed validation, whether it came from a Markdown file or from
/// the editors' form. <see cref="SummaryWriter"/> turns it into the stored row.</summary>
public sealed record SummaryContent
{
    public required string Title { get; init; }
    public required string Month { get; init; }
    public required string Slug { get; init; }
    public required ResearchType ResearchType { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init; }
    public required string Citation { get; init; }
    public string? Doi { get; init; }
    public string? AuthorEmail { get; init; }
    public SummaryStatus Status { get; init; } = SummaryStatus.Published;
    public required DateOnly PublishedOn { get; init; }
    public int? Studies { get; init; }
    public int? Samples { get; init; }
    public int? Participants { get; init; }
    public string? Effect { get; init; }
    public EffectSize? EffectSize { get; init; }
    public Certainty? Certainty { get; init; }
    public string? Contributor { get; init; }
    public DateOnly? RevisedOn { get; init; }
    public string BottomLineMarkdown { get; init; } = "";
    public required string BodyMarkdown { get; init; }
    public required string ImplicationsMarkdown { get; init; }
    public string LimitationsMarkdown { get; init; } = "";
}
