using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Archive;

public sealed class TopicIndexViewModel : PageViewModel
{
    public required IReadOnlyList<TopicCount> Topics { get; init; }

    public static TopicIndexViewModel Create(IStringLocalizer<Ui> t, IReadOnlyList<TopicCount> topics)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new()
        {
            Topics = topics,
            Title = t["Topics"],
            Description = t["The topics of the PPRNet Research Blog, with the number of research summaries on each."],
        };
    }
}
