using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Setup;

/// <summary>Optional backups while the site serves: every <c>Backup:Interval</c> a checked copy
/// (the same as the <c>backup</c> command) goes into <c>Backup:Folder</c>, and only the newest
/// <c>Backup:Keep</c> copies are kept. Off unless both folder and interval are set.</summary>
public sealed partial class ScheduledBackups(IServiceProvider services, IConfiguration configuration,
    IHostEnvironment environment, ILogger<ScheduledBackups> logger)
    : BackgroundService
{
    private const string Prefix = "pprnet-";

    /// <summary>The names of the backups this service writes (and prunes).</summary>
    public const string Pattern = Prefix + "*.db";

    /// <summary>Backup:Folder as a full path, or null when it is not set.</summary>
    public static string? ConfiguredFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var folder = configuration["Backup:Folder"];
        return string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder, environment.ContentRootPath);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = ConfiguredFolder(configuration, environment);
        var interval = configuration.GetValue<TimeSpan?>("Backup:Interval");
        var keep = Math.Max(1, configuration.GetValue("Backup:Keep", 7));
        if (folder is null || interval is not { } every || every <= TimeSpan.Zero)
        {
            return;
        }

        PrivateFiles.CreateFolder(folder);
        LogScheduled(logger, folder, every, keep);
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await BackUpOnceAsync(folder, keep, stoppingToken);
        }
    }

    private async Task BackUpOnceAsync(string folder, int keep, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, $"{Prefix}{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.db");
        try
        {
            string connectionString;
            await using (var scope = services.CreateAsyncScope())
            {
                connectionString = scope.ServiceProvider.GetRequiredService<BlogDbContext>().Database.GetConnectionString()!;
            }

            var (ok, report) = await DatabaseBackup.WriteCheckedCopyAsync(connectionString, target, cancellationToken);
            if (!ok)
            {
                LogFailed(logger, target, report);
                return;
            }

            LogBackedUp(logger, target, report);
            foreach (var old in Directory.EnumerateFiles(folder, Pattern).Order(StringComparer.Ordinal).Reverse().Skip(keep))
            {
                File.Delete(old);
            }
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // A failed backup is reported and tried again next time; it never stops the site.
            LogFailed(logger, target, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backups to {Folder} every {Interval}, keeping {Keep}")]
    private static partial void LogScheduled(ILogger logger, string folder, TimeSpan interval, int keep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up to {File}: {Report}")]
    private static partial void LogBackedUp(ILogger logger, string file, string report);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup to {File} failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string file, string problem);
}
