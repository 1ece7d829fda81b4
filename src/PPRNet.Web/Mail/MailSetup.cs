using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PPRNet.Web.Setup;

namespace PPRNet.Web.Mail;

/// <summary>`Smtp:*`: the outgoing mail server. Without a host, mail is written as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Require STARTTLS. Off: TLS on connect for port 465, STARTTLS when offered elsewhere.</summary>
    public bool StartTls { get; set; } = true;
}

/// <summary>`Mail:*`: who mail is from, and how fast and how persistently the outbox is sent.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "PPRNet Research Blog <digest@localhost>";
    public string? ReplyTo { get; set; }
    public int MessagesPerMinute { get; set; } = 120;

    /// <summary>Where mail goes without an SMTP host, relative to the app's folder.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>How long a claimed message is kept from other senders; after a crash it is sent
    /// again once this has passed.</summary>
    public int LeaseSeconds { get; set; } = 120;

    public int PollSeconds { get; set; } = 15;
    public int RetryBaseSeconds { get; set; } = 30;
    public int MaxAttempts { get; set; } = 8;
}

/// <summary>Wakes the sender as soon as something is queued, instead of at its next poll.</summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already poked by someone else in between.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>Absolute links in mail, always from `Site:BaseUrl` (mail has no request to take a host from).</summary>
public sealed class MailLinks(IConfiguration configuration)
{
    public string Base => (configuration[ProxySupport.BaseUrlSetting] is { Length: > 0 } configured ? configured : "http://localhost:5000").TrimEnd('/');

    public string Absolute(string path) => Base + path;
}

/// <summary>Asks for one subscription per address at most PermitLimit times a window, whoever asks,
/// so nobody can flood someone's inbox with confirmations. Over the limit, the page answers as
/// always and nothing is sent.</summary>
public sealed class SubscribeLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perEmail = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => options.Value.SubscribePerEmail.Options()));

    public bool Allow(string normalizedEmail)
    {
        using var lease = perEmail.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => perEmail.Dispose();
}

public static class MailSetup
{
    public static IServiceCollection AddEmailDigest(this IServiceCollection services)
    {
        // Bound when first needed, so settings that tests or hosts add late still apply.
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailTokens>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<SubscribeLimiter>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestQueue>();
        services.AddScoped<OutboxWorker>();
        services.AddScoped<DigestDesk>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
