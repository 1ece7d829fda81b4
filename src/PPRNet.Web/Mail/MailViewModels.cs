using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class SubscribePage : PageViewModel
{
    public required SubscribeForm Form { get; init; }
    public required IReadOnlyList<TopicChoice> Topics { get; init; }
}

/// <summary>A page that says one thing and, where the reader has something to confirm, offers the
/// button (a POST, so that mail scanners following links change nothing).</summary>
public sealed class SubscriptionMessagePage : PageViewModel
{
    public required string Heading { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? ButtonAction { get; init; }
    public string? ButtonToken { get; init; }
    public string? ButtonLabel { get; init; }
    public string? LinkUrl { get; init; }
    public string? LinkText { get; init; }
}

public sealed class PreferencesPage : PageViewModel
{
    public required string Token { get; init; }
    public required string Email { get; init; }
    public required SubscriberStatus Status { get; init; }
    public required bool AllTopics { get; init; }
    public required IReadOnlyList<string> Selected { get; init; }
    public required IReadOnlyList<TopicChoice> Topics { get; init; }
    public string? Message { get; init; }
}

/// <summary>The form that mails a new preferences link, alone or on the page of an expired one.</summary>
public sealed class PreferencesLinkPage : PageViewModel
{
    public required string Heading { get; init; }
    public required string Lede { get; init; }
    public required PreferencesLinkForm Form { get; init; }
}

public sealed record DigestMonthRow(string Month, int Summaries, DigestState State);

public sealed class DigestsPage : PageViewModel
{
    public required IReadOnlyList<DigestMonthRow> Months { get; init; }
    public required IReadOnlyDictionary<SubscriberStatus, int> Subscribers { get; init; }
    public string? Message { get; init; }
}

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

public sealed class SubscribersPage : PageViewModel
{
    public required IReadOnlyDictionary<SubscriberStatus, int> Counts { get; init; }
    public string? Query { get; init; }
    public Subscriber? Found { get; init; }
    public string? Message { get; init; }
}
