namespace PPRNet.Web.Mail;

public sealed class PreferencesForm
{
    public string? Token { get; set; }
    public bool AllTopics { get; set; } = true;
    public List<string> Topics { get; set; } = [];
    public bool Paused { get; set; }
    public string? Language { get; set; }
}
