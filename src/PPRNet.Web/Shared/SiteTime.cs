using System.Globalization;

namespace PPRNet.Web.Shared;

/// <summary>The site's own time zone (<c>Site:TimeZone</c>, an IANA name such as America/Toronto):
/// editors type and read send times in it, while the database keeps UTC.</summary>
public sealed class SiteTime
{
    public const string Setting = "Site:TimeZone";

    public SiteTime(IConfiguration configuration, ILogger<SiteTime> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = configuration[Setting];
        if (string.IsNullOrWhiteSpace(id))
        {
            Zone = TimeZoneInfo.Utc;
            return;
        }

        try
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A typo must not stop the site: times are shown in UTC, and labelled so, until it is fixed.
            logger.LogWarning("{Setting} is \"{Zone}\", which this machine does not know; times are shown in UTC", Setting, id);
            Zone = TimeZoneInfo.Utc;
        }
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How the zone is named beside a field: "America/Toronto time" or "UTC".</summary>
    public string Name => Zone == TimeZoneInfo.Utc ? "UTC" : $"{Zone.Id} time";

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant a wall-clock time in the site's zone names. A time skipped when clocks
    /// go forward is read as the same time an hour later; a repeated one as its first occurrence.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(wall) ? Zone.GetAmbiguousTimeOffsets(wall).Max() : Zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>"2026-12-05 14:00 (America/Toronto time)", for messages and pages.</summary>
    public string Format(DateTimeOffset instant) =>
        $"{ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({Name})";

    /// <summary>The value of a datetime-local field showing this instant.</summary>
    public string FieldValue(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
