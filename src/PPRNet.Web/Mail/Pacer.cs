using System.Diagnostics;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PPRNet.Web.Data;

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
