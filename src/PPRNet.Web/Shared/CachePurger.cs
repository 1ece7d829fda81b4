using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PPRNet.Web.Shared;

/// <summary>After a save commits, the cache tags it evicted from the output cache are purged at every
/// shared cache in <c>Cdn:PurgeUrls</c> too (Varnish with xkey, or a CDN that takes the same PURGE):
/// one <c>PURGE</c> request per cache carrying the tags in <c>xkey</c>. It runs in the background,
/// retries a failed purge three times with a growing pause, and logs what it could not purge; an
/// editor's save never waits for it or fails because of it.</summary>
public sealed partial class CachePurger(IHttpClientFactory clients, IConfiguration configuration, ILogger<CachePurger> logger)
    : BackgroundService
{
    public const string HttpClientName = "cache-purge";

    private static readonly HttpMethod Purge = new("PURGE");

    // One queue per cache, so a cache that is down (and retried) never delays the purges of the
    // others; lazy, so a race to the first purge of a cache still starts one sender.
    private readonly ConcurrentDictionary<Uri, Lazy<CacheQueue>> queues = new();

    private CancellationToken stopping;

    private IReadOnlyList<Uri> Caches => configuration.GetSection("Cdn:PurgeUrls").Get<string[]>()?
        .Where(u => Uri.TryCreate(u, UriKind.Absolute, out _)).Select(u => new Uri(u)).ToList() ?? [];

    /// <summary>Queues the tags for every configured cache; returns at once.</summary>
    public void Enqueue(IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            return;
        }

        foreach (var cache in Caches)
        {
            queues.GetOrAdd(cache, c => new Lazy<CacheQueue>(() => Start(c))).Value.Queue.Writer.TryWrite(tags);
        }
    }

    /// <summary>For a process that ends after its saves (a command, not the site): takes no more
    /// purges and sends what is queued, with the same retries, before it returns; after
    /// <paramref name="limit"/> it gives up and says which caches it left stale.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var pending = queues.Select(q => (Cache: q.Key, q.Value.Value)).ToList();
        foreach (var (_, queue) in pending)
        {
            queue.Queue.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(pending.Select(p => p.Value.Sending)).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            foreach (var (cache, _) in pending.Where(p => !p.Value.Sending.IsCompleted))
            {
                LogLeftStale(logger, cache, limit);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        return Task.CompletedTask;
    }

    private sealed record CacheQueue(Channel<IReadOnlyCollection<string>> Queue, Task Sending);

    private CacheQueue Start(Uri cache)
    {
        var queue = Channel.CreateBounded<IReadOnlyCollection<string>>(
            new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var sending = Task.Run(async () =>
        {
            try
            {
                await foreach (var tags in queue.Reader.ReadAllAsync(stopping))
                {
                    await PurgeAsync(cache, tags, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The app is stopping: what is left stays stale until its s-maxage runs out.
            }
        });
        return new CacheQueue(queue, sending);
    }

    private async Task PurgeAsync(Uri cache, IReadOnlyCollection<string> tags, CancellationToken stoppingToken)
    {
        var keys = string.Join(' ', tags);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(Purge, cache);
                request.Headers.TryAddWithoutValidation("xkey", keys);
                using var response = await clients.CreateClient(HttpClientName).SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    LogPurged(logger, cache, keys);
                    return;
                }

                LogRefused(logger, cache, (int)response.StatusCode, attempt);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogUnreachable(logger, cache, e.Message, attempt);
            }

            if (attempt < 4)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt * attempt), stoppingToken);
            }
        }

        LogGaveUp(logger, cache, keys);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Cache} of {Tags}")]
    private static partial void LogPurged(ILogger logger, Uri cache, string tags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purge at {Cache} answered {Status} (attempt {Attempt} of 4)")]
    private static partial void LogRefused(ILogger logger, Uri cache, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purge at {Cache} failed: {Problem} (attempt {Attempt} of 4)")]
    private static partial void LogUnreachable(ILogger logger, Uri cache, string problem, int attempt);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Stopped waiting for {Cache} after {Limit}; what it was not purged of stays stale until its s-maxage runs out")]
    private static partial void LogLeftStale(ILogger logger, Uri cache, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Could not purge {Cache} of {Tags}; it serves those pages stale until their s-maxage runs out")]
    private static partial void LogGaveUp(ILogger logger, Uri cache, string tags);
}

public static class CachePurgerSetup
{
    public static IServiceCollection AddCachePurger(this IServiceCollection services)
    {
        services.AddHttpClient(CachePurger.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<CachePurger>();
        services.AddHostedService(provider => provider.GetRequiredService<CachePurger>());
        return services;
    }
}
