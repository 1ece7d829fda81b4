using System.Diagnostics;

namespace PPRNet.Web.Mail;

/// <summary>Spaces messages out to `Mail:MessagesPerMinute`, on the real clock.</summary>
public sealed class Pacer(Func<int> perMinute)
{
    private long next;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency * 60 / Math.Max(1, perMinute());
        var now = Stopwatch.GetTimestamp();
        if (next > now)
        {
            await Task.Delay(Stopwatch.GetElapsedTime(now, next), cancellationToken);
        }

        next = Math.Max(now, next) + interval;
    }
}
