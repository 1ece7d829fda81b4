using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class SubscribePage : PageViewModel
{
    public required SubscribeForm Form { get; init; }
    public required IReadOnlyList<TopicChoice> Topics { get; init; }
}
