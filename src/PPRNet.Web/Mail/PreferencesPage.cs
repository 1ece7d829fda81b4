using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class PreferencesPage : PageViewModel
{
    public required string Token { get; init; }
    public required string Email { get; init; }
    public required SubscriberStatus Status { get; init; }
    public required bool AllTopics { get; init; }
    public required IReadOnlyList<string> Selected { get; init; }
    public required IReadOnlyList<TopicChoice> Topics { get; init; }
    /// <summary>The language of the reader's mail, as stored or as just chosen.</summary>
    public string? Language { get; init; }
    public string? Message { get; init; }
}
