namespace PPRNet.Web.Mail;

/// <summary>Who receives a month's digest: confirmed subscribers (not pending, paused, unsubscribed
/// or undeliverable) who chose every topic or one of the edition's topics. Written once, as LINQ for
/// the count editors see before sending and as SQL for the one statement that queues the mail, so
/// the number shown is the number sent. <c>DigestRecipientsTests</c> checks that the two agree.</summary>
public static class DigestRecipients
{
    public static IQueryable<Subscriber> Of(IQueryable<Subscriber> subscribers, int[] topicIds) =>
        subscribers.Where(s => s.Status == SubscriberStatus.Confirmed && (s.AllTopics || s.Topics.Any(t => topicIds.Contains(t.Id))));

    /// <summary>The rule of <see cref="Of"/> on a Subscribers row named <paramref name="alias"/>. The
    /// topic ids are written into the text: they are integers, never text from a request.</summary>
    public static string Sql(string alias, IReadOnlyCollection<int> topicIds)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        var topics = topicIds.Count == 0
            ? "NULL"
            : string.Join(',', topicIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"{alias}.Status = '{SubscriberStatus.Confirmed}' AND ({alias}.AllTopics OR EXISTS "
            + $"(SELECT 1 FROM SubscriberTopics st WHERE st.SubscriberId = {alias}.Id AND st.TopicId IN ({topics})))";
    }
}
