using Microsoft.Extensions.Options;
using PPRNet.Web.Import;

namespace PPRNet.Web.Setup;

/// <summary>The operator's commands, run through the same app: `import [folder]`.</summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args is ["import", ..];

    /// <summary>Configuration sees only what follows the command, so a folder argument is never
    /// mistaken for a setting.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? [] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        await app.PrepareDatabaseAsync(importContent: false);
        return args switch
        {
            ["import"] => await ImportAsync(app, null),
            ["import", var folder] => await ImportAsync(app, folder),
            _ => Usage(),
        };
    }

    private static async Task<int> ImportAsync(WebApplication app, string? folder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
        var path = folder is null
            ? DatabaseStartup.ContentFolder(app, options)
            : Path.GetFullPath(folder, Environment.CurrentDirectory);
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(path);

        Console.WriteLine($"Import of {report.Folder}");
        Console.WriteLine($"  {report.Headline}");
        foreach (var error in report.Errors)
        {
            Console.WriteLine($"  error: {error}");
        }

        return report.Succeeded ? 0 : 1;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PPRNet.Web [import [folder]]");
        return 2;
    }
}
