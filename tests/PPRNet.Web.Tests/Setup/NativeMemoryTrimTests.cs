using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PPRNet.Web.Setup;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The site hands the native memory it has freed back to the system: freed blocks in the
/// middle of a malloc arena stay resident until the site's trim releases their pages. (The test
/// process's other sites trim nothing: <see cref="BlogSite"/> turns their timers off.)</summary>
public sealed class NativeMemoryTrimTests : IDisposable
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
        var trim = site.Services.GetRequiredService<NativeMemoryTrim>();

        using var freed = FreedStretch.Make();
        var freedButResident = ResidentPages(freed.Probe);
        var trimmed = trim.Trim();

        Assert.Equal(ProbePages, freedButResident);
        Assert.True(trimmed);
        Assert.Equal(0, ResidentPages(freed.Probe));
    }

    [Fact]
    public async Task The_serving_site_trims_on_its_own_every_interval()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "glibc's arenas are Linux's");
        var everySecond = new Dictionary<string, string?> { ["Memory:TrimInterval"] = "00:00:01" };
        await using var site = new BlogSite(content.Root, settings: everySecond);
        Assert.Contains(site.Services.GetRequiredService<NativeMemoryTrim>(), site.Services.GetServices<IHostedService>());

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
