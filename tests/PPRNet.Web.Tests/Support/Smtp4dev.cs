using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace PPRNet.Web.Tests.Support;

/// <summary>A real SMTP server for the mail tests: smtp4dev (the local dotnet tool pinned in
/// .config/dotnet-tools.json) on free loopback ports, with an in-memory store, killed with its
/// process tree on dispose. Its HTTP API lists what arrived. When the tool is not restored yet (a
/// fresh clone), the fixture restores it from NuGet first (<see cref="DotnetTools"/>).</summary>
public sealed class Smtp4dev : IAsyncLifetime
{
    private const string NotRestored = "dotnet tool restore";

    private readonly HttpClient http = new();
    private Process? server;
    private readonly System.Text.StringBuilder output = new();

    public int SmtpPort { get; } = AppServer.FreePort();

    public int WebPort { get; } = AppServer.FreePort();

    public async ValueTask InitializeAsync()
    {
        Start();
        try
        {
            await WaitUntilAnsweringAsync();
        }
        catch (ToolNotRestoredException)
        {
            await DotnetTools.RestoreAsync();
            Start();
            await WaitUntilAnsweringAsync();
        }
    }

    private void Start()
    {
        server?.Dispose();
        lock (output)
        {
            output.Clear();
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root, // where the tool manifest is
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "tool", "run", "smtp4dev", "--",
            $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}", "--db=",
            $"--imapport={AppServer.FreePort()}", $"--pop3port={AppServer.FreePort()}",
            "--nousersettings", "--messagestokeep=100000", "--sessionstokeep=20", "--hostname=localhost",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // smtp4dev 3.15 targets an older runtime; let it run on the SDK's.
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
    }

    private Task WaitUntilAnsweringAsync() =>
        Eventually.Async(AnswersAsync, TimeSpan.FromSeconds(90), $"smtp4dev answers at {ApiUrl("/api/messages")}");

    /// <summary>Whether the API answers yet; throws, ending the wait, if smtp4dev has exited (a
    /// <see cref="ToolNotRestoredException"/> when dotnet says the tool is not restored).</summary>
    private async Task<bool> AnswersAsync()
    {
        if (server!.HasExited)
        {
            await server.WaitForExitAsync(); // and for the last of its output
            if (Output.Contains(NotRestored, StringComparison.Ordinal))
            {
                throw new ToolNotRestoredException();
            }

            throw new InvalidOperationException($"smtp4dev exited (code {server.ExitCode}) before it answered. Its output:\n{Output}");
        }

        try
        {
            return (await http.GetAsync(new Uri(ApiUrl("/api/messages")))).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private string ApiUrl(string path) => $"http://127.0.0.1:{WebPort}{path}";

    /// <summary>Every message that arrived for an address at <paramref name="domain"/>, parsed, oldest first.</summary>
    public async Task<IReadOnlyList<Received>> MessagesToAsync(string domain)
    {
        var list = await http.GetFromJsonAsync<MessageList>(
            new Uri(ApiUrl("/api/messages?pageSize=100000")), TestContext.Current.CancellationToken);
        var mine = list!.Results.Where(m => m.To.Any(to => to.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.ReceivedDate).ToList();
        var received = new List<Received>();
        foreach (var summary in mine)
        {
            await using var raw = await http.GetStreamAsync(
                new Uri(ApiUrl($"/api/messages/{summary.Id}/raw")), TestContext.Current.CancellationToken);
            received.Add(new Received(summary.To, await MimeMessage.LoadAsync(raw, TestContext.Current.CancellationToken)));
        }

        return received;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages (that pass the filter)
    /// arrived for the domain, and returns them; fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(
        string domain, int count, int seconds = 30, Func<Received, bool>? filter = null) =>
        await Eventually.Async(
            async () => (await MessagesToAsync(domain)).Where(filter ?? (_ => true)).ToList(),
            messages => messages.Count >= count,
            TimeSpan.FromSeconds(seconds),
            $"{count} message(s){(filter is null ? "" : " of the kind awaited")} arrived for @{domain}");

    public async Task<int> CountAsync(string domain)
    {
        var list = await http.GetFromJsonAsync<MessageList>(
            new Uri(ApiUrl("/api/messages?pageSize=100000")), TestContext.Current.CancellationToken);
        return list!.Results.Count(m => m.To.Any(to => to.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        http.Dispose();
    }

    /// <summary>dotnet said "Run `dotnet tool restore`": the tool is not in the NuGet cache yet.</summary>
    private sealed class ToolNotRestoredException() : Exception("dotnet says smtp4dev is not restored (.config/dotnet-tools.json)");

    public sealed record Received(IReadOnlyList<string> Envelope, MimeMessage Message);

    private sealed record MessageList([property: JsonPropertyName("results")] List<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] List<string> To,
        [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<Smtp4dev>
{
    public const string Name = "mail";
}
