using System.Collections.Concurrent;

namespace PPRNet.Web.Shared;

/// <summary>The ETag and Last-Modified each public page was last sent with, kept apart from the
/// pages. The output cache is bounded by bytes, so a long tail of summary pages pushes out pages
/// that are still current; a browser or Varnish revalidating one of those still gets 304 from
/// here, without the page being rendered to hash it. An entry holds under the output cache's own
/// rules: until an eviction names one of its tags (each tag has a generation that an eviction
/// raises), for the same lifetime, and within the same day. It also keeps Last-Modified steady:
/// a page rendered again to the same bytes keeps the time those bytes were first sent.</summary>
public sealed class PageValidators(TimeProvider clock, PublicPageCacheSettings settings)
{
    /// <summary>A few hundred bytes each; past this many, the table starts again empty.</summary>
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);
    private long evictions;

    /// <summary>Where a page's validators are kept: what the output cache keys it by (address,
    /// language prefix, query and the one content coding chosen for the request).</summary>
    public static string Key(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Concat(request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value, "|",
            request.Headers.AcceptEncoding.ToString());
    }

    /// <summary>Taken before a page is rendered: a page rendered while an eviction happened may show
    /// the state before it, so its validators are not kept.</summary>
    public long Stamp() => Interlocked.Read(ref evictions);

    /// <summary>The validators still holding for this page, or null.</summary>
    public Validators? Find(HttpRequest request)
    {
        if (!settings.Enabled || !entries.TryGetValue(Key(request), out var entry) || !Holds(entry))
        {
            return null;
        }

        return entry.Validators;
    }

    /// <summary>Keeps what a rendered page is sent with, and returns the Last-Modified to send: the
    /// earlier one when the bytes are the same as last time.</summary>
    public string Record(HttpRequest request, long stamp, Validators sent, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(tags);
        var key = Key(request);
        var validators = entries.TryGetValue(key, out var known) && known.Validators.ETag == sent.ETag
            ? sent with { LastModified = known.Validators.LastModified }
            : sent;
        if (settings.Enabled && stamp == Stamp())
        {
            if (entries.Count >= MaxEntries)
            {
                StartAgain();
                stamp = Stamp();
            }

            var now = clock.GetUtcNow();
            var entry = new Entry(validators, [.. tags], [.. tags.Select(t => generations.GetValueOrDefault(t))],
                Min(now + PublicPageCache.Lifetime, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero)));
            entries[key] = entry;
            // An eviction counts itself before it raises generations: one that began while this
            // entry was taken removes it here, and one that begins later leaves it a generation behind.
            if (stamp != Stamp())
            {
                entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }

        return validators.LastModified;
    }

    /// <summary>After a save evicted these tags from the output cache.</summary>
    public void Evict(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Interlocked.Increment(ref evictions);
        foreach (var tag in tags)
        {
            if (tag == CacheTags.All)
            {
                StartAgain();
                return;
            }

            generations.AddOrUpdate(tag, 1, (_, generation) => generation + 1);
        }
    }

    /// <summary>Forgets every entry and every tag's generation, so neither table grows for good; a
    /// page rendered across this is not recorded (its stamp is older).</summary>
    private void StartAgain()
    {
        Interlocked.Increment(ref evictions);
        entries.Clear();
        generations.Clear();
    }

    private bool Holds(Entry entry)
    {
        if (clock.GetUtcNow() >= entry.Expires)
        {
            return false;
        }

        for (var i = 0; i < entry.Tags.Length; i++)
        {
            if (generations.GetValueOrDefault(entry.Tags[i]) != entry.Generations[i])
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(Validators Validators, string[] Tags, long[] Generations, DateTimeOffset Expires);
}

/// <summary>What a 304 repeats of the page it stands for.</summary>
public sealed record Validators(string ETag, string LastModified, string Vary, string Tags);
