using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>The site as its own process, stopped in the middle of a digest and started again.</summary>
[Collection(MailCollection.Name)]
public sealed class RestartTests(Smtp4dev smtp)
{
    private const int Subscribers = 30;

    /// <summary>A database with an archive, <see cref="Subscribers"/> confirmed subscribers and the
    /// April 2021 digest queued for them by the site's own queueing code.</summary>
    private static async Task<string> QueuedDigestAsync(string domain)
    {
        using var content = new TestContent();
        content.WriteSummary("2021-04", "restart-study", new Dictionary<string, string?> { ["topics"] = "[empathy]" });
        var database = AppCommand.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await using var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={database}").Options);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await TestDatabase.Importer(db).ImportAsync(content.Root, TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Subscribers; i++)
        {
            var email = $"reader{i:D2}@{domain}";
            db.Subscribers.Add(new Subscriber
            {
                Key = Guid.NewGuid(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                Status = SubscriberStatus.Confirmed,
                ConfirmStamp = MailTokens.NewStamp(),
                CreatedAt = now,
                ConsentAt = now,
                ConfirmedAt = now,
                UpdatedAt = now,
                ConsentPage = "/subscribe",
                ConsentWording = SubscribeForm.ConsentWording,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:BaseUrl"] = "http://localhost" }).Build();
        var links = new MailLinks(configuration);
        var clock = TimeProvider.System;
        using var signal = new MailSignal();
        var queue = new DigestQueue(db, new DigestComposer(db, clock, links, new PPRNet.Web.Summaries.MarkdownRenderer()),
            new AuditLog(db, clock, NullLogger<AuditLog>.Instance), signal, clock,
            new PPRNet.Web.Shared.SiteTime(configuration, NullLogger<PPRNet.Web.Shared.SiteTime>.Instance),
            new Microsoft.Extensions.Localization.StringLocalizer<PPRNet.Web.Localization.Ui>(
                new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                    Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
                    Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)));
        Assert.Contains($"queued for {Subscribers}",
            await queue.QueueAsync("2021-04", "admin@example.org", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        return database;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__StartTls"] = "false",
        ["Mail__MessagesPerMinute"] = "900",
        ["Mail__PollSeconds"] = "1",
        ["Mail__LeaseSeconds"] = "2",
        ["Content__ImportOnStartup"] = "false",
    };

    private static async Task<(int Sent, int Queued)> CountsAsync(string database)
    {
        await using var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={database}").Options);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKind.Digest).Select(m => m.Status)
            .ToListAsync(TestContext.Current.CancellationToken);
        return (rows.Count(s => s == OutboxStatus.Sent), rows.Count(s => s == OutboxStatus.Queued));
    }

    /// <summary>Starts the site, stops it once part of the digest has arrived, starts it again and
    /// waits until the outbox says every message was sent. Returns the copies each address got.</summary>
    private async Task<Dictionary<string, int>> SendStopAndResumeAsync(bool kill)
    {
        var domain = MailSteps.NewDomain();
        var database = await QueuedDigestAsync(domain);
        try
        {
            var first = await AppServer.StartAsync(database: database, environment: Environment(), keepDatabase: true);
            await Eventually.Async(
                async () => await smtp.CountAsync(domain) >= 6, TimeSpan.FromSeconds(30), "part of the digest (6 messages) has arrived");

            await first.StopAsync(kill);
            await first.DisposeAsync();
            var (sentBefore, queuedBefore) = await CountsAsync(database);
            Assert.True(queuedBefore > 0, $"the stop should have come mid-digest (sent {sentBefore})");

            await using var second = await AppServer.StartAsync(database: database, environment: Environment(), keepDatabase: true);
            await Eventually.Async(async () => (await CountsAsync(database)).Sent >= Subscribers, TimeSpan.FromSeconds(30),
                $"the outbox marks all {Subscribers} digests sent");

            Assert.Equal((Subscribers, 0), await CountsAsync(database));
            // smtp4dev stores a message a moment after it accepts it (which is when the outbox marks
            // it sent): wait for the last one to be listed before counting copies.
            await Eventually.Async(async () => await smtp.CountAsync(domain) >= Subscribers, TimeSpan.FromSeconds(10),
                $"smtp4dev lists {Subscribers} messages for the domain");

            return (await smtp.MessagesToAsync(domain)).SelectMany(m => m.Envelope)
                .GroupBy(address => address, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count());
        }
        finally
        {
            AppCommand.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task A_site_stopped_mid_digest_resumes_after_restart_and_every_subscriber_gets_exactly_one_copy()
    {
        var copies = await SendStopAndResumeAsync(kill: false);
        Assert.Equal(Subscribers, copies.Count);
        Assert.All(copies, pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task A_site_killed_mid_digest_resumes_after_restart_and_loses_no_one()
    {
        // A kill can land after the server accepted a message and before it was marked sent: that one
        // message goes out again (at least once). Nothing else may be sent twice, and no one is missed.
        var copies = await SendStopAndResumeAsync(kill: true);
        Assert.Equal(Subscribers, copies.Count);
        Assert.True(copies.Values.Sum() - Subscribers <= 1, $"{copies.Values.Sum() - Subscribers} duplicates");
    }
}
