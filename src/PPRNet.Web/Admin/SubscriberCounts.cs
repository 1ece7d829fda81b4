using Microsoft.Extensions.Localization;
using PPRNet.Web.Mail;

namespace PPRNet.Web.Admin;

/// <summary>Subscribers by status, as the digest and subscriber pages write them.</summary>
public static class SubscriberCounts
{
    public static string Text(IReadOnlyDictionary<SubscriberStatus, int> counts, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(t);
        return t["{0} confirmed, {1} waiting to confirm, {2} paused, {3} unsubscribed, {4} undeliverable.",
            counts.GetValueOrDefault(SubscriberStatus.Confirmed), counts.GetValueOrDefault(SubscriberStatus.Pending),
            counts.GetValueOrDefault(SubscriberStatus.Paused), counts.GetValueOrDefault(SubscriberStatus.Unsubscribed),
            counts.GetValueOrDefault(SubscriberStatus.Undeliverable)];
    }

    public static string StatusName(SubscriberStatus status, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return status switch
        {
            SubscriberStatus.Pending => t["Pending"],
            SubscriberStatus.Confirmed => t["Confirmed"],
            SubscriberStatus.Paused => t["Paused"],
            SubscriberStatus.Unsubscribed => t["Unsubscribed"],
            _ => t["Undeliverable"],
        };
    }
}
