namespace PPRNet.Web.Mail;

/// <summary>`Mail:*`: who mail is from, and how fast and how persistently the outbox is sent.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "PPRNet Research Blog <digest@localhost>";
    public string? ReplyTo { get; set; }
    public int MessagesPerMinute { get; set; } = 120;

    /// <summary>Where mail goes without an SMTP host, relative to the app's folder.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    public string PickupPath(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(PickupFolder, environment.ContentRootPath);
    }

    /// <summary>The settings as bound from configuration, for start-up work that runs before (or
    /// without) the mail services.</summary>
    public static MailOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<MailOptions>() ?? new MailOptions();
    }

    /// <summary>How long a claimed message is kept from other senders; after a crash it is sent
    /// again once this has passed.</summary>
    public int LeaseSeconds { get; set; } = 120;

    public int PollSeconds { get; set; } = 15;
    public int RetryBaseSeconds { get; set; } = 30;
    public int MaxAttempts { get; set; } = 8;
}
