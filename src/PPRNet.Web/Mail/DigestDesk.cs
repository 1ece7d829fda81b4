using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Mail;

/// <summary>What editors see of the digest: every month with published summaries, its send state
/// and progress, and a preview as a reader of every topic or of one topic would get it.</summary>
public sealed class DigestDesk(BlogDbContext db, DigestQueue queue, DigestComposer composer,
    Subscriptions subscriptions, MailLinks links, TimeProvider clock, IStringLocalizer<Ui> t)
{
    public async Task<DigestsPage> MonthsAsync(string? message, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var months = await db.Summaries.AsNoTracking().Published(today).GroupBy(s => s.Month)
            .Select(g => new { Month = g.Key, Count = g.Count() }).OrderByDescending(g => g.Month).ToListAsync(cancellationToken);
        var states = await queue.StatesAsync(cancellationToken);
        var none = new DigestProgress(0, 0, 0, 0);
        return new DigestsPage
        {
            Title = t["Email digests"],
            Description = t["Send each month's digest to subscribers."],
            Months = months.Select(m => new DigestMonthRow(m.Month, m.Count,
                states.GetValueOrDefault(m.Month) ?? new DigestState(m.Month, null, null, null, null, 0, none))).ToList(),
            Subscribers = await CountsAsync(cancellationToken),
            Message = message,
        };
    }

    public async Task<DigestMonthPage> MonthAsync(string month, string? topicSlug, string? testTo,
        string? message, CancellationToken cancellationToken)
    {
        var topics = await subscriptions.TopicChoicesAsync(cancellationToken);
        var topic = topics.FirstOrDefault(t => t.Slug == topicSlug);
        var edition = await composer.EditionAsync(month, cancellationToken);
        var items = edition?.ForTopic(topic?.Id) ?? [];
        return new DigestMonthPage
        {
            Title = t["Digest for {0}", SummaryRules.MonthLabel(month)],
            Description = t["Preview, test and send a month's digest."],
            Month = month,
            Label = SummaryRules.MonthLabel(month),
            State = await queue.StateAsync(month, cancellationToken),
            Recipients = await queue.RecipientCountAsync(month, cancellationToken),
            Topics = topics,
            Topic = topic,
            Preview = edition is null ? null : Preview(edition, items, topic),
            PreviewTitles = items.Select(i => i.Title).ToList(),
            SummaryCount = edition?.Items.Count ?? 0,
            Message = message,
            TestTo = testTo,
        };
    }

    /// <summary>The preview's HTML, exactly as it is mailed, for its own page.</summary>
    public async Task<string?> PreviewHtmlAsync(string month, string? topicSlug, CancellationToken cancellationToken)
    {
        var edition = await composer.EditionAsync(month, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var topic = (await subscriptions.TopicChoicesAsync(cancellationToken)).FirstOrDefault(t => t.Slug == topicSlug);
        return Preview(edition, edition.ForTopic(topic?.Id), topic).Html;
    }

    /// <summary>The mail in the page's language, as a reader in that language gets it.</summary>
    private MailContent Preview(DigestEdition edition, IReadOnlyList<DigestItem> items, TopicChoice? topic) =>
        MailTemplates.Digest(t, edition, items,
            topic is null ? null
                : t["As a reader of the topic “{0}” gets it ({1} of {2} summaries).", topic.Shown, items.Count, edition.Items.Count].Value,
            links.Absolute(SiteLanguage.Local(SubscribeUrls.Subscribe)), links.Absolute(SiteLanguage.Local(SubscribeUrls.Subscribe)));

    public async Task<IReadOnlyDictionary<SubscriberStatus, int>> CountsAsync(CancellationToken cancellationToken) =>
        await db.Subscribers.AsNoTracking().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
