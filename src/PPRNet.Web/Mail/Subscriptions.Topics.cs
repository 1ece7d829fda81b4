using Microsoft.EntityFrameworkCore;

namespace PPRNet.Web.Mail;

/// <summary>The topics a reader chooses: the choices offered, the slugs a form sends checked
/// against them, and the subscriber's list set from them.</summary>
public sealed partial class Subscriptions
{
    public async Task<IReadOnlyList<TopicChoice>> TopicChoicesAsync(CancellationToken cancellationToken) =>
        (await db.Topics.AsNoTracking().Where(t => !t.Retired).Select(t => new TopicChoice(t.Id, t.Slug,
            t.Name, t.NameFr)).ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    private async Task SetTopicsAsync(Subscriber subscriber, bool allTopics, IReadOnlyList<int> topicIds,
        CancellationToken cancellationToken)
    {
        subscriber.AllTopics = allTopics;
        subscriber.Topics.Clear();
        if (!allTopics)
        {
            subscriber.Topics.AddRange(await db.Topics.Where(t => topicIds.Contains(t.Id)).ToListAsync(cancellationToken));
        }
    }

    private async Task<(IReadOnlyList<int> Ids, string? Problem)> TopicIdsAsync(IReadOnlyList<string> slugs,
        CancellationToken cancellationToken)
    {
        var wanted = slugs.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return ([], null);
        }

        var choices = await TopicChoicesAsync(cancellationToken);
        var unknown = wanted.Where(slug => choices.All(c => c.Slug != slug)).ToList();
        return unknown.Count > 0
            ? ([], t["There is no topic “{0}”. Choose from the list.", Shorten(unknown[0])])
            : (choices.Where(c => wanted.Contains(c.Slug)).Select(c => c.Id).ToList(), null);
    }

    private static string Shorten(string value) => new(value.Take(60).Where(c => !char.IsControl(c)).ToArray());
}
