using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>Subscribers from before readers chose a language upgrade to English, the language they
/// subscribed in; an editor's test queued before the upgrade has no language and goes in English.</summary>
public sealed class SubscriberLanguageMigrationTests : IDisposable
{
    private readonly TestDatabase database = new(migratedTo: "FrenchTermNames");

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Existing_subscribers_are_english_after_the_upgrade()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var before = database.NewContext())
        {
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO Subscribers (Key, Email, NormalizedEmail, Status, AllTopics, ConfirmStamp, CreatedAt, ConsentAt, "
                + "ConsentPage, ConsentWording, UpdatedAt) VALUES ('7d5f8c0e-0000-4000-8000-000000000001', 'old@example.org', "
                + "'OLD@EXAMPLE.ORG', 'Confirmed', 1, 'stamp', 0, 0, '/subscribe', 'wording', 0);"
                + "INSERT INTO Outbox (Kind, Email, Month, Status, Attempts, CreatedAt, NextAttemptAt) "
                + "VALUES ('Test', 'editor@example.org', '2021-04', 'Queued', 0, 0, 0);", ct);
        }

        await using var upgraded = database.NewContext();
        await upgraded.Database.MigrateAsync(ct);

        Assert.Equal("en", await upgraded.Subscribers.Where(s => s.Email == "old@example.org").Select(s => s.Language).SingleAsync(ct));
        Assert.Null(await upgraded.Outbox.Select(m => m.Language).SingleAsync(ct));
    }
}
