using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PPRNet.Web.Setup;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The site hands memory it holds but does not use back to the system: the managed heap's
/// room beyond its objects, and freed blocks in the middle of a malloc arena, which stay resident
/// until the site's trim releases their pages. (The test process's other sites trim nothing:
/// <see cref="BlogSite"/> turns their timers off.)</summary>
public sealed class MemoryTrimTests : IDisposable
{
    private const int PageSize = 4096;

    // Below glibc's threshold for separate mappings (128 KiB), so the blocks come from an arena.
    private const int BlockSize = 64 * 1024;
    private const int Blocks = 512;
    private const int ProbePages = 8;

    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task A_trim_releases_freed_native_memory_that_would_otherwise_stay_resident()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "glibc's arenas are Linux's");
        await using var site = new BlogSite(content.Root);
        var trim = site.Services.GetRequiredService<MemoryTrim>();

        using var freed = FreedStretch.Make();
        var freedButResident = ResidentPages(freed.Probe);
        var trimmed = trim.Trim();

        Assert.Equal(ProbePages, freedButResident);
        Assert.True(trimmed);
        Assert.Equal(0, ResidentPages(freed.Probe));
    }

    [Fact]
    public async Task A_trim_compacts_the_managed_heap_and_decommits_the_room_a_collection_left_beyond_its_objects()
    {
        await using var site = new BlogSite(content.Root);
        var trim = site.Services.GetRequiredService<MemoryTrim>();

        // Other tests in this process collect too; a collection of theirs between the two steps can
        // leave less room than a trim acts on, so the room is made again, a few times at most.
        var collected = false;
        var collection = default(GCMemoryInfo);
        for (var attempt = 0; attempt < 5 && !collected; attempt++)
        {
            LeaveRoomInTheManagedHeap();
            var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
            trim.Trim();
            collection = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            collected = collection.Index > before;
        }

        Assert.True(collected, "the trim ran a full collection");
        Assert.True(collection.Compacted);
        Assert.InRange(collection.TotalCommittedBytes - collection.HeapSizeBytes, 0, MemoryTrim.SlackWorthCollecting - 1);
    }

    [Fact]
    public async Task A_trim_leaves_a_heap_without_room_to_give_back_uncollected()
    {
        await using var site = new BlogSite(content.Root);
        var trim = site.Services.GetRequiredService<MemoryTrim>();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var last = GC.GetGCMemoryInfo();
        Assert.SkipWhen(last.TotalCommittedBytes - last.HeapSizeBytes >= MemoryTrim.SlackWorthCollecting,
            "another test's allocations left room since");
        // Another test's young collection may come in between; only a full one would be the trim's.
        var lastFull = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        trim.Trim();

        Assert.Equal(lastFull, GC.GetGCMemoryInfo(GCKind.FullBlocking).Index);
    }

    /// <summary>48 MiB of objects kept through a full collection (so the heap grows to hold them), then
    /// dropped and collected without compaction: the heap is small again, its committed memory not.</summary>
    private static void LeaveRoomInTheManagedHeap()
    {
        var kept = new List<byte[]>();
        for (var i = 0; i < 768; i++)
        {
            kept.Add(new byte[64 * 1024]);
        }

        GC.Collect();
        GC.KeepAlive(kept);
        kept.Clear();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    [Fact]
    public async Task The_serving_site_trims_on_its_own_every_interval()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "glibc's arenas are Linux's");
        var everySecond = new Dictionary<string, string?> { ["Memory:TrimInterval"] = "00:00:01" };
        await using var site = new BlogSite(content.Root, settings: everySecond);
        Assert.Contains(site.Services.GetRequiredService<MemoryTrim>(), site.Services.GetServices<IHostedService>());

        using var freed = FreedStretch.Make();

        await Eventually.Async(() => ResidentPages(freed.Probe) == 0, TimeSpan.FromSeconds(30), "the freed pages are released");
    }

    private static int ResidentPages(IntPtr start)
    {
        var states = new byte[ProbePages];
        Assert.Equal(0, MinCore(start, ProbePages * PageSize, states));
        return states.Count(state => (state & 1) != 0);
    }

    [DllImport("libc.so.6", EntryPoint = "mincore", ExactSpelling = true)]
    private static extern int MinCore(IntPtr start, nuint length, [Out] byte[] states);

    /// <summary>32 MiB written to and freed, with one block kept after it, so the freed stretch lies
    /// in its arena's middle, not at its end (which free() itself would give back).</summary>
    private sealed class FreedStretch(IntPtr kept, IntPtr probe) : IDisposable
    {
        /// <summary>Pages well inside the freed stretch, away from where later allocations split it.</summary>
        public IntPtr Probe { get; } = probe;

        public static FreedStretch Make()
        {
            var blocks = new IntPtr[Blocks];
            var filler = Enumerable.Repeat((byte)0x5A, BlockSize).ToArray();
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(BlockSize);
                Marshal.Copy(filler, 0, blocks[i], BlockSize);
            }

            for (var i = 0; i < Blocks - 1; i++)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }

            return new FreedStretch(blocks[^1], (blocks[Blocks / 2] + PageSize) & ~(IntPtr)(PageSize - 1));
        }

        public void Dispose() => Marshal.FreeHGlobal(kept);
    }
}
