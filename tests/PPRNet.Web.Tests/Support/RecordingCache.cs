using System.Collections.Concurrent;
using System.Net;

namespace PPRNet.Web.Tests.Support;

/// <summary>A shared cache that records the PURGE requests it gets.</summary>
public sealed class RecordingCache : IDisposable
{
    private readonly HttpListener listener = new();

    public RecordingCache()
    {
        Url = $"http://127.0.0.1:{AppServer.FreePort()}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    Purges.Add((context.Request.HttpMethod, context.Request.Headers["xkey"] ?? ""));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });
    }

    public string Url { get; }

    public ConcurrentBag<(string Method, string Keys)> Purges { get; } = [];

    public void Dispose() => listener.Close();
}
