namespace PPRNet.Web.Tests.Support;

/// <summary>The folders of this repository, found from the test binaries (the folder that holds
/// PPRNet.sln), so tests and their helpers read the shipped files wherever the clone is.</summary>
public static class Repository
{
    /// <summary>The repository's root: PPRNet.sln, the tool manifest in .config/, tools/.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped archive, content/.</summary>
    public static string ContentFolder => Path.Combine(Root, "content");

    /// <summary>The web project's folder (its wwwroot and appsettings.json).</summary>
    public static string WebProject => Path.Combine(Root, "src", "PPRNet.Web");

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PPRNet.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new InvalidOperationException($"PPRNet.sln not found above the test binaries ({AppContext.BaseDirectory})");
    }
}
