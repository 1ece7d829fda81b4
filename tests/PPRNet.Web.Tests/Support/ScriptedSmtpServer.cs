using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PPRNet.Web.Tests.Support;

/// <summary>Just enough SMTP to answer as a test needs: smtp4dev accepts everything, so refusals
/// (per recipient at RCPT, or of the message itself after DATA) and a message held in flight are
/// played by this one. Everything else is accepted.</summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task accepting;

    public ScriptedSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The reply to RCPT TO for an address, or null for "250".</summary>
    public Func<string, string?> RecipientReply { get; set; } = _ => null;

    /// <summary>The reply after the message's data, or null for "250".</summary>
    public Func<string, string?> MessageReply { get; set; } = _ => null;

    /// <summary>Set, a message whose data contains this text waits for <see cref="Release"/>
    /// before it is answered; <see cref="Holding"/> completes when it arrives.</summary>
    public string? HoldMessagesContaining { get; set; }

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Recipients of every message that was accepted.</summary>
    public ConcurrentBag<string> Delivered { get; } = [];

    public int RecipientAttempts(string address) => attempts.GetValueOrDefault(address);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 scripted.example ESMTP");
        var recipients = new List<string>();
        var inTransaction = false;
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                switch (line.Split(' ', ':')[0].ToUpperInvariant())
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 scripted.example");
                        break;
                    case "MAIL":
                        // As real servers do: a client must end or reset a refused transaction
                        // before it starts the next one on the same connection.
                        await writer.WriteLineAsync(inTransaction ? "503 5.5.1 Error: nested MAIL command" : "250 OK");
                        inTransaction = true;
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        attempts.AddOrUpdate(address, 1, (_, n) => n + 1);
                        var refusal = RecipientReply(address);
                        if (refusal is null)
                        {
                            recipients.Add(address);
                        }

                        await writer.WriteLineAsync(refusal ?? "250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } text && text != ".")
                        {
                            data.AppendLine(text);
                        }

                        if (HoldMessagesContaining is { } marker && data.ToString().Contains(marker, StringComparison.Ordinal))
                        {
                            Holding.TrySetResult();
                            await Release.Task.WaitAsync(stop.Token);
                        }

                        var reply = MessageReply(data.ToString());
                        if (reply is null)
                        {
                            foreach (var recipient in recipients)
                            {
                                Delivered.Add(recipient);
                            }
                        }

                        recipients.Clear();
                        inTransaction = false;
                        await writer.WriteLineAsync(reply ?? "250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    case "RSET":
                        recipients.Clear();
                        inTransaction = false;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    default: // NOOP
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // the client went away, or the test is over
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
