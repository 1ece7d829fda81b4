namespace PPRNet.Web.Setup;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder of Markdown content; a relative path is taken from the app's content root.</summary>
    public string Path { get; set; } = "../../content";

    public bool ImportOnStartup { get; set; } = true;
}
