using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>A mail server that refuses an address for good (550) gets no second try for it.
/// smtp4dev accepts every recipient, so this speaks just enough SMTP itself to refuse one.</summary>
public sealed class PermanentFailureTests
{
    [Fact]
    public async Task An_address_the_server_refuses_with_a_5xx_is_marked_undeliverable_and_not_tried_again()
    {
        await using var server = new RefusingSmtpServer("nobody@refused.example");
        await using var site = await MailSite.StartAsync(server.Port);
        await MailSteps.SubscribeAsync(site, "nobody@refused.example");
        await MailSteps.SubscribeAsync(site, "somebody@accepted.example");

        for (var i = 0; i < 100 && !server.Delivered.Contains("somebody@accepted.example"); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains("somebody@accepted.example", server.Delivered);
        var refused = await site.DbAsync(db => db.Outbox.SingleAsync(m => m.Email == "nobody@refused.example", TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);
        var subscriber = await site.DbAsync(db => db.Subscribers.SingleAsync(s => s.Email == "nobody@refused.example", TestContext.Current.CancellationToken));
        Assert.Equal(SubscriberStatus.Undeliverable, subscriber.Status);
        Assert.Equal(1, server.RecipientAttempts("nobody@refused.example"));
    }

    private sealed class RefusingSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.OrdinalIgnoreCase);
        private readonly Task accepting;
        private readonly string refused;

        public RefusingSmtpServer(string refused)
        {
            this.refused = refused;
            listener.Start();
            accepting = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

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
            await writer.WriteLineAsync("220 refusing.example ESMTP");
            var recipients = new List<string>();
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 refusing.example");
                            break;
                        case "RCPT":
                            var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                            attempts.AddOrUpdate(address, 1, (_, n) => n + 1);
                            if (string.Equals(address, refused, StringComparison.OrdinalIgnoreCase))
                            {
                                await writer.WriteLineAsync("550 5.1.1 No such mailbox here");
                            }
                            else
                            {
                                recipients.Add(address);
                                await writer.WriteLineAsync("250 2.1.5 OK");
                            }

                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 Go ahead");
                            while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                            {
                            }

                            foreach (var recipient in recipients)
                            {
                                Delivered.Add(recipient);
                            }

                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        case "RSET":
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        default: // MAIL, NOOP
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
}
