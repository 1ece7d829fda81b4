using System.ComponentModel;
using System.Diagnostics;

namespace PPRNet.Web.Tests.Support;

/// <summary>Runs a program to the end and returns its exit code and what it wrote.</summary>
public static class Shell
{
    /// <summary>How a program ended: its exit code, its standard output and its standard error.</summary>
    public sealed record Ran(int ExitCode, string Output, string Errors)
    {
        public string Everything => Output + Errors;
    }

    /// <summary>Runs <paramref name="program"/>; throws, saying <paramref name="missing"/>, when it
    /// is not installed.</summary>
    public static async Task<Ran> RunAsync(
        string program, IEnumerable<string> args, string workingDirectory, string missing)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"`{program}` could not be started ({e.Message}): {missing}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new Ran(process.ExitCode, await output, await errors);
        }
    }
}
