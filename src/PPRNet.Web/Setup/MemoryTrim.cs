using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PPRNet.Web.Setup;

/// <summary>Hands the memory the process holds but no longer uses back to the system, every ten
/// seconds: the managed heap's room beyond its live objects, then the native memory it has freed.
/// <para>The collector sizes its youngest generation for the load it has seen and keeps that room
/// committed between collections: at 100,000 summaries, under the benchmark's pages, 15-54 MiB
/// committed for 9-11 MiB of live objects. An aggressive collection compacts and decommits all of
/// it; it paused the process 9-13 ms there, once an interval, and only runs when the last
/// collection left at least <see cref="SlackWorthCollecting"/> of room (an idle site's heap stays as
/// the last one left it, so an idle site does not collect).</para>
/// <para>glibc keeps what a thread frees in that thread's arena for its next allocation, and returns it
/// only from the arena's end. The runtime's compiler frees most of what it used once the busy
/// methods are compiled, but that memory stays resident, spread between live blocks: at 100,000
/// summaries, after the benchmark's pages, 13-16 MiB of the server's 230-237 MiB was such free
/// memory, and it did not come back under another pass of the same load. <c>malloc_trim</c> walks
/// every arena and releases the free pages in the middle too; under that load it took 0.4-8 ms.</para>
/// <para>Both together: 203-207 MiB resident at the end of those pages against 209-224 with the
/// native trim alone, the pages as fast within the noise (README, "The managed heap's room handed back").
/// Off the Linux C library (musl, another system) the native trim does nothing.</para></summary>
public sealed partial class MemoryTrim(IConfiguration configuration, ILogger<MemoryTrim> logger)
    : BackgroundService
{
    /// <summary>Less room than this is not worth a full collection's pause.</summary>
    public const long SlackWorthCollecting = 8 * 1024 * 1024;

    /// <summary>How often, unless <c>Memory:TrimInterval</c> says otherwise (zero turns it off).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Gives back the managed heap's room if there is enough of it, then the free native
    /// memory; false where there is no glibc to ask for the second.</summary>
    public bool Trim()
    {
        ReturnManagedHeapRoom();
        return TrimNativeMemory();
    }

    private void ReturnManagedHeapRoom()
    {
        var last = GC.GetGCMemoryInfo();
        var room = last.TotalCommittedBytes - last.HeapSizeBytes;
        if (room < SlackWorthCollecting)
        {
            return;
        }

        var paused = GC.GetTotalPauseDuration();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            LogCollected(logger, room / 1024, after.TotalCommittedBytes / 1024, after.HeapSizeBytes / 1024,
                (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
        }
    }

    private bool TrimNativeMemory()
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
            while (await timer.WaitForNextTickAsync(stoppingToken))
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

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Gave back the managed heap's room ({RoomKiB} KiB beyond its objects) in {Milliseconds:0.0} ms; "
            + "{CommittedKiB} KiB committed for {HeapKiB} KiB of objects")]
    private static partial void LogCollected(ILogger logger, long roomKiB, long committedKiB, long heapKiB, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Freed native memory is not handed back to the system here (no glibc malloc_trim: {Problem})")]
    private static partial void LogUnavailable(ILogger logger, string problem);
}
