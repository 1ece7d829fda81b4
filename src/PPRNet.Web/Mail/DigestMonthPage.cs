using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class DigestMonthPage : PageViewModel
{
    public required string Month { get; init; }
    public required string Label { get; init; }
    public required DigestState State { get; init; }
    public required int Recipients { get; init; }
    public required IReadOnlyList<TopicChoice> Topics { get; init; }
    public TopicChoice? Topic { get; init; }

    /// <summary>Null when the month has nothing published.</summary>
    public MailContent? Preview { get; init; }
    public IReadOnlyList<string> PreviewTitles { get; init; } = [];
    public int SummaryCount { get; init; }
    public string? Message { get; init; }
    public string? TestTo { get; init; }
}
