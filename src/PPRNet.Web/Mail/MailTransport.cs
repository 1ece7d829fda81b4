using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PPRNet.Web.Setup;

namespace PPRNet.Web.Mail;

/// <summary>Hands messages to the SMTP server (MailKit), keeping one connection open while there is
/// mail to send; or, with no `Smtp:Host`, writes each as an .eml file to `Mail:PickupFolder`, so the
/// site does everything on a machine without a mail server. Used by the one sender loop only.</summary>
public sealed partial class MailTransport(IOptions<SmtpOptions> smtp, IOptions<MailOptions> mail,
    IHostEnvironment environment, ILogger<MailTransport> logger)
    : IAsyncDisposable
{
    private SmtpClient? client;
    private bool announced;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(smtp.Value.Host);

    public string PickupFolder => mail.Value.PickupPath(environment);

    /// <summary>Says once where mail goes, so an operator without SMTP knows where to look.</summary>
    public void Announce()
    {
        if (announced)
        {
            return;
        }

        announced = true;
        if (!MailboxAddress.TryParse(mail.Value.From, out _))
        {
            LogBadFrom(logger, mail.Value.From);
        }

        if (UsesSmtp)
        {
            LogSmtp(logger, smtp.Value.Host!, smtp.Value.Port);
        }
        else
        {
            LogPickup(logger, PickupFolder);
        }
    }

    /// <summary>Returns when the server has accepted the message (or the file is written).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!UsesSmtp)
        {
            // Owner-only: messages carry addresses and signed links (confirm, preferences, unsubscribe).
            PrivateFiles.CreateFolder(PickupFolder);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml";
            var partial = Path.Combine(PickupFolder, name + ".partial");
            await using (var file = PrivateFiles.CreateFile(partial))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            File.Move(partial, Path.Combine(PickupFolder, name)); // a reader never sees half a file
            return;
        }

        var connected = await ConnectAsync(cancellationToken);
        await connected.SendAsync(message, cancellationToken);
    }

    /// <summary>Drops the connection after a failure or when the outbox is empty.</summary>
    public async Task ResetAsync()
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException
            or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Already broken: nothing to close politely.
        }

        client.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await ResetAsync();
        var settings = smtp.Value;
        client = new SmtpClient { Timeout = 30_000 };
        // Our own socket, without Nagle's algorithm: each message ends in a small write ("." after
        // the body) that otherwise waits for the server's delayed ACK, 40 ms a message.
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream,
            System.Net.Sockets.ProtocolType.Tcp)
        { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Host!, settings.Port, cancellationToken);
            await client.ConnectAsync(socket, settings.Host!, settings.Port,
                settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }

        return client;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Mail:From ({From}) is not an address such as \"PPRNet Research Blog <digest@example.org>\": "
        + "no mail can be sent until it is")]
    private static partial void LogBadFrom(ILogger logger, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes to the SMTP server {Host}:{Port}")]
    private static partial void LogSmtp(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Smtp:Host is configured: mail is written as .eml files to {Folder} instead of being sent")]
    private static partial void LogPickup(ILogger logger, string folder);
}
