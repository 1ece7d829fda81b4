using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class ScheduleForm
{
    /// <summary>A wall-clock time in the site's zone (<see cref="SiteTime"/>), as the browser's
    /// datetime-local field sends it.</summary>
    public DateTime? SendAt { get; set; }
}
