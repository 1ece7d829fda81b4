using System.Text.Json;

namespace PPRNet.Web.Tests.Support;

/// <summary>The Nu HTML checker: vnu.jar from npm ("vnu-jar", pinned in tools/package.json and
/// tools/package-lock.json), run with Java. When tools/node_modules does not hold it yet (a fresh
/// clone), the first test that needs it runs `npm ci --prefix tools` once per test run.
/// PPRNET_VNU_JAR, when set, names a vnu.jar to use instead; nothing is installed then.</summary>
public static class NuChecker
{
    private static readonly Lazy<Task<string>> Jar = new(FindOrInstallAsync);

    public static string PinnedJar => Repository.PathTo("tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The checker's errors on the HTML files, as "file:line: message".</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyList<string> files)
    {
        var jar = await Jar.Value;
        var check = await Shell.RunAsync(
            "java", ["-jar", jar, "--errors-only", "--format", "json", "--stdout", .. files], Repository.Root,
            "Java (17 or later) runs the Nu HTML checker: install a JRE (apt-get install default-jre-headless).");
        JsonDocument report;
        try
        {
            report = JsonDocument.Parse(check.Output);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"The Nu HTML checker ({jar}) did not answer with its JSON report (exit {check.ExitCode}):\n{check.Everything}", e);
        }

        using (report)
        {
            return report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{Path.GetFileName(m.GetProperty("url").GetString())}:"
                    + $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
        }
    }

    private static async Task<string> FindOrInstallAsync()
    {
        if (Environment.GetEnvironmentVariable("PPRNET_VNU_JAR") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"PPRNET_VNU_JAR names {configured}, which does not exist.");
        }

        if (File.Exists(PinnedJar))
        {
            return PinnedJar;
        }

        var install = await Shell.RunAsync(
            "npm", ["ci", "--prefix", "tools", "--no-audit", "--no-fund"], Repository.Root,
            "Node.js and npm install the Nu HTML checker (apt-get install npm), or set PPRNET_VNU_JAR to a vnu.jar.");
        return install.ExitCode == 0 && File.Exists(PinnedJar)
            ? PinnedJar
            : throw new InvalidOperationException(
                $"`npm ci --prefix tools --no-audit --no-fund` (exit {install.ExitCode}) did not install {PinnedJar}. "
                + $"It said:\n{install.Everything}");
    }
}
