using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

/// <summary><see cref="SiteTime"/>'s times as the editors' pages write them, in the page's
/// language: "2026-12-05 14:00 (America/Toronto time)", "2026-12-05 14:00 (fuseau America/Toronto)".</summary>
public static class SiteTimeText
{
    /// <summary>The zone as named beside a field or a time.</summary>
    public static string ZoneName(this SiteTime time, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(t);
        return time.Zone == TimeZoneInfo.Utc ? "UTC" : t["{0} time", time.Zone.Id];
    }

    public static string Shown(this SiteTime time, DateTimeOffset instant, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(time);
        return $"{time.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({time.ZoneName(t)})";
    }
}
