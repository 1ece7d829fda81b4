using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PPRNet.Web.Mail;

public enum BatchOutcome
{
    /// <summary>Nothing due: wait for a poke or the next poll.</summary>
    Idle,
    /// <summary>Sent a batch; there may be more.</summary>
    More,
    /// <summary>The server failed in a way that will fail the next message too: wait a little.</summary>
    ServerTrouble,
}

/// <summary>The hosted service that empties the outbox. Each message is claimed with a lease,
/// handed to the server, and marked sent only once the server accepted it. On a stop (a restart,
/// SIGTERM) the message in hand is finished and marked before the loop ends, so a restart sends
/// nothing twice; after a kill the lease of the one message in flight lapses and it is sent again
/// (at least once, never lost). Unsubscribes are checked again just before each message.</summary>
public sealed partial class OutboxSender(IServiceProvider services, MailSignal signal, MailTransport transport,
    IOptions<MailOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        transport.Announce();
        var pacer = new Pacer(() => options.Value.MessagesPerMinute);
        var troubles = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var worker = scope.ServiceProvider.GetRequiredService<OutboxWorker>();
                await worker.QueueDueAsync(stoppingToken);
                switch (await worker.SendBatchAsync(pacer, stoppingToken))
                {
                    case BatchOutcome.Idle:
                        troubles = 0;
                        await transport.ResetAsync();
                        await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken);
                        break;
                    case BatchOutcome.ServerTrouble:
                        troubles++;
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, options.Value.RetryBaseSeconds * troubles)), stoppingToken);
                        break;
                    default:
                        troubles = 0;
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException
                or ParseException or FormatException)
            {
                // The database is busy or not ready yet (start-up), or a setting such as Mail:From
                // cannot be read: say so and try again shortly, without taking the site down.
                LogLoopFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await transport.ResetAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox sender hit a problem and will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
