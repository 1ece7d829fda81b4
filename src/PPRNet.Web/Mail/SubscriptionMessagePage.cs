using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

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
