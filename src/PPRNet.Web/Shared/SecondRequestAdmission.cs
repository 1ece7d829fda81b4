using Microsoft.AspNetCore.OutputCaching;

namespace PPRNet.Web.Shared;

/// <summary>Keeps a public page in the output cache from its second request on, not its first (the
/// "doorkeeper" of TinyLFU). A crawler, or a reader walking the archive's long tail, asks for most
/// pages once; storing each of them cost the request more than the cache ever gave back, and pushed
/// out pages that are asked for again. A page asked for twice is kept as before, so the pages
/// readers share are cached from their second reader.</summary>
/// <remarks>First requests are remembered by their hash in a fixed table (1 MiB, whatever the
/// archive's size). A newer page whose hash lands on the same slot replaces an older one, which then
/// waits for one more request; two pages with the same 32-bit hash are taken for one, and the second
/// is kept on its first request. Either way only when a page is stored changes, never what a reader
/// gets.</remarks>
public sealed class SecondRequestAdmission : IOutputCachePolicy
{
    private const int Slots = 1 << 18;

    private readonly int[] seen = new int[Slots];

    /// <summary>Decided before the page is looked up: a page that will not be stored is then
    /// rendered straight to the reader, without the cache copying it aside or holding back other
    /// requests for it (which cost a miss about as much memory again as the page's own work).</summary>
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AllowCacheStorage && !SeenBefore(context.HttpContext.Request))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    /// <summary>Whether this page was asked for before, remembering it if not.</summary>
    private bool SeenBefore(HttpRequest request)
    {
        // The path and query name the page; the output cache's own key also varies by encoding and
        // day, but one earlier request of the page in any form is reason enough to keep it.
        var hash = HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(request.Path.Value ?? ""),
            StringComparer.Ordinal.GetHashCode(request.QueryString.Value ?? ""));
        // Zero marks an empty slot, so no page hashes to it.
        hash = hash == 0 ? 1 : hash;
        ref var slot = ref seen[hash & (Slots - 1)];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        // Two first requests racing for one slot leave one of them remembered: the other page is
        // kept one request later, which is all a lost race costs.
        Volatile.Write(ref slot, hash);
        return false;
    }
}
