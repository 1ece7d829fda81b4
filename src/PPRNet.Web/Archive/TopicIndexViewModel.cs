using PPRNet.Web.Shared;

namespace PPRNet.Web.Archive;

public sealed class TopicIndexViewModel : PageViewModel
{
    public required IReadOnlyList<TopicCount> Topics { get; init; }

    public static TopicIndexViewModel Create(IReadOnlyList<TopicCount> topics) => new()
    {
        Topics = topics,
        Title = "Topics",
        Description = "The topics of the PPRNet Research Blog, with the number of research summaries on each.",
    };
}
