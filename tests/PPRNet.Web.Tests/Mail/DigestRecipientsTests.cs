using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>The count editors see before sending comes from the LINQ half of the recipient rule and
/// the queued mail from its SQL half: both must pick the same subscribers.</summary>
public sealed class DigestRecipientsTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_recipient_rule_picks_the_same_subscribers_in_linq_and_sql()
    {
        var (a, b, c) = await SeedAsync();
        await using var db = database.NewContext();

        var cases = new (int[] Topics, string[] Expected)[]
        {
            ([a], ["confirmed-a", "confirmed-all"]),
            ([a, b], ["confirmed-a", "confirmed-all", "confirmed-b"]),
            ([c], ["confirmed-all"]),
            ([], ["confirmed-all"]),
        };
        foreach (var (topics, expected) in cases)
        {
            var linq = await DigestRecipients.Of(db.Subscribers, topics).Select(s => s.Email)
                .ToListAsync(TestContext.Current.CancellationToken);
            var query = $"SELECT s.Email AS Value FROM Subscribers s WHERE {DigestRecipients.Sql("s", topics)}";
            var sql = await db.Database.SqlQueryRaw<string>(query).ToListAsync(TestContext.Current.CancellationToken);

            Assert.Equal(expected, linq.Order());
            Assert.Equal(expected, sql.Order());
        }
    }

    private async Task<(int A, int B, int C)> SeedAsync()
    {
        await using var db = database.NewContext();
        var a = new Topic { Slug = "a", Name = "A", NameFr = "A" };
        var b = new Topic { Slug = "b", Name = "B", NameFr = "B" };
        var c = new Topic { Slug = "c", Name = "C", NameFr = "C" };
        db.Topics.AddRange(a, b, c);
        Subscriber Add(string email, SubscriberStatus status, params Topic[] topics)
        {
            var subscriber = new Subscriber
            {
                Key = Guid.NewGuid(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                Status = status,
                AllTopics = topics.Length == 0,
                Topics = [.. topics],
                ConfirmStamp = "stamp",
                ConsentPage = "/subscribe",
                ConsentWording = "yes",
            };
            db.Subscribers.Add(subscriber);
            return subscriber;
        }

        Add("confirmed-all", SubscriberStatus.Confirmed);
        Add("confirmed-a", SubscriberStatus.Confirmed, a);
        Add("confirmed-b", SubscriberStatus.Confirmed, b);
        Add("paused-all", SubscriberStatus.Paused);
        Add("pending-a", SubscriberStatus.Pending, a);
        Add("unsubscribed-all", SubscriberStatus.Unsubscribed);
        Add("undeliverable-a", SubscriberStatus.Undeliverable, a);
        // Chose topics, then every one of them was deleted: nothing matches, not everything.
        Add("confirmed-none", SubscriberStatus.Confirmed).AllTopics = false;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (a.Id, b.Id, c.Id);
    }
}
