namespace PPRNet.Web.Tests.Support;

/// <summary>The repository's local dotnet tools (.config/dotnet-tools.json; the mail tests run
/// smtp4dev from it), restored from NuGet with `dotnet tool restore` the first time a test finds
/// one missing: once per test run, however many tests ask at once.</summary>
public static class DotnetTools
{
    private static readonly Lazy<Task> Restored = new(RestoreOnceAsync);

    /// <summary>Restores the tools, or waits for the restore already under way; throws with
    /// dotnet's output if it failed.</summary>
    public static Task RestoreAsync() => Restored.Value;

    private static async Task RestoreOnceAsync()
    {
        var output = "";
        // Under a fresh DOTNET_CLI_HOME the first restore of a manifest with two tools can report
        // one tool's command as missing from the other and fail partly (dotnet/sdk#53783); the
        // second restore finds the cache warm and completes.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var restore = await Shell.RunAsync("dotnet", ["tool", "restore"], Repository.Root, "the .NET SDK is needed");
            output += restore.Everything;
            if (restore.ExitCode == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException(
            $"`dotnet tool restore` (in {Repository.Root}) failed twice; it installs smtp4dev from NuGet for the mail tests. "
            + $"Its output:\n{output}");
    }
}
