using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PPRNet.Web.Setup;

/// <summary>Hands the native memory the process has freed back to the system, every ten seconds.
/// glibc keeps what a thread frees in that thread's arena for its next allocation, and returns it
/// only from the arena's end. The runtime's compiler frees most of what it used once the busy
/// methods are compiled, but that memory stays resident, spread between live blocks: at 100,000
/// summaries, after the benchmark's pages, 13-16 MiB of the server's 230-237 MiB was such free
/// memory, and it did not come back under another pass of the same load. <c>malloc_trim</c> walks
/// every arena and releases the free pages in the middle too; under that load it took 0.4-8 ms, and
/// the pages were as fast with it every 5 or 10 seconds as without it.
/// Off the Linux C library (musl, another system) there is nothing to call, and this does nothing.</summary>
public sealed partial class NativeMemoryTrim(IConfiguration configuration, ILogger<NativeMemoryTrim> logger)
    : BackgroundService
{
    /// <summary>How often, unless <c>Memory:TrimInterval</c> says otherwise (zero turns it off).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Releases free native memory now; false where there is no glibc to ask.</summary>
    public bool Trim()
    {
        if (unavailable)
        {
            return false;
        }

        // Measured only for the operator who asked for the Debug line.
        var measuring = logger.IsEnabled(LogLevel.Debug);
        var before = measuring ? Environment.WorkingSet : 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
            LogUnavailable(logger, e.Message);
            return false;
        }

        if (measuring)
        {
            var after = Environment.WorkingSet;
            LogTrimmed(logger, (before - after) / 1024, after / 1024, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Memory:TrimInterval", DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (!unavailable && await timer.WaitForNextTickAsync(stoppingToken))
            {
                Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // glibc's soname: a plain "libc" could resolve to the development package's linker script.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Returned {ReleasedKiB} KiB of freed native memory to the system in {Milliseconds:0.0} ms; {ResidentKiB} KiB resident")]
    private static partial void LogTrimmed(ILogger logger, long releasedKiB, long residentKiB, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Freed native memory is not handed back to the system here (no glibc malloc_trim: {Problem})")]
    private static partial void LogUnavailable(ILogger logger, string problem);
}
