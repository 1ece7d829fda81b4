namespace PPRNet.Web.Mail;

public sealed class ScheduleForm
{
    /// <summary>UTC, as the browser's datetime-local field sends it.</summary>
    public DateTime? SendAt { get; set; }
}
