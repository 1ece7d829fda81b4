using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>The visibility rule is written once in <see cref="SummaryQueries"/> as LINQ, as SQL text
/// for the raw statements and as a check on a row in memory: all three must pick the same rows.</summary>
public sealed class SummaryQueriesTests : IDisposable
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    /// <summary>One row of each kind; the slug says which.</summary>
    private static readonly (string Slug, SummaryStatus Status, DateOnly PublishedOn, bool Trashed)[] Rows =
    [
        ("draft-past", SummaryStatus.Draft, Today.AddDays(-10), false),
        ("draft-future", SummaryStatus.Draft, Today.AddDays(10), false),
        ("published-past", SummaryStatus.Published, Today.AddDays(-10), false),
        ("published-today", SummaryStatus.Published, Today, false),
        ("published-tomorrow", SummaryStatus.Published, Today.AddDays(1), false),
        ("trashed-past", SummaryStatus.Published, Today.AddDays(-10), true),
        ("trashed-future", SummaryStatus.Published, Today.AddDays(10), true),
        ("trashed-draft", SummaryStatus.Draft, Today.AddDays(-10), true),
    ];

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Published_picks_the_same_rows_in_linq_sql_and_memory()
    {
        var topicId = await SeedAsync();
        await using var db = database.NewContext();

        var linq = await db.Summaries.Published(Today).Select(s => s.Slug).ToListAsync(TestContext.Current.CancellationToken);
        var sql = await SlugsAsync(db,
            $"SELECT s.Slug AS Value FROM Summaries s WHERE {SummaryQueries.PublishedSql("s", SummaryQueries.TodayName)}");
        var memory = Rows.Where(r => SummaryQueries.IsPublic(r.Status, DeletedAt(r.Trashed), r.PublishedOn, Today)).Select(r => r.Slug);
        var listingLinq = await db.TopicListings.PublicInTopic(topicId, Today).Select(l => l.Slug)
            .ToListAsync(TestContext.Current.CancellationToken);
        var listingSql = await SlugsAsync(db, $"SELECT Slug AS Value FROM TopicListings WHERE TopicId = {topicId} AND "
            + SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName));

        string[] expected = ["published-past", "published-today"];
        Assert.Equal(expected, linq.Order());
        Assert.Equal(expected, sql.Order());
        Assert.Equal(expected, memory.Order());
        Assert.Equal(expected, listingLinq.Order());
        Assert.Equal(expected, listingSql.Order());
    }

    [Fact]
    public void The_archive_order_in_memory_is_sqlites_order_titles_with_accents_fullwidth_letters_and_emoji_included()
    {
        (string Month, string PublishedOn, string Title, int Id)[] rows =
        [
            ("2021-04", "2021-04-01", "alpha", 1), ("2021-04", "2021-04-01", "Zeta", 2), ("2021-04", "2021-04-01", "Émile", 3),
            ("2021-04", "2021-04-01", "Eve", 4), ("2021-04", "2021-04-01", "\uFF21 fullwidth", 5),
            ("2021-04", "2021-04-01", "\U0001F600 emoji", 6), ("2021-04", "2021-04-01", "\uE000 private use", 7),
            ("2021-04", "2021-04-01", "Eve", 8), ("2021-04", "2021-04-01", "", 9), ("2021-04", "2021-04-15", "Later", 10),
            ("2021-05", "2021-04-20", "Next month's issue", 11), ("2020-12", "2021-01-02", "Older issue", 12),
        ];
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Rows (Month TEXT, PublishedOn TEXT, Title TEXT, Id INTEGER)";
            create.ExecuteNonQuery();
        }

        foreach (var row in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Rows VALUES ($month, $published, $title, $id)";
            insert.Parameters.AddWithValue("$month", row.Month);
            insert.Parameters.AddWithValue("$published", row.PublishedOn);
            insert.Parameters.AddWithValue("$title", row.Title);
            insert.Parameters.AddWithValue("$id", row.Id);
            insert.ExecuteNonQuery();
        }

        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT Id FROM Rows ORDER BY {SummaryQueries.NewestFirstSql("Id")}";
        var sqlite = new List<int>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                sqlite.Add(reader.GetInt32(0));
            }
        }

        var newestFirst = Comparer<(string Month, string PublishedOn, string Title, int Id)>.Create(SummaryQueries.CompareNewestFirst);
        var memory = rows.Order(newestFirst).Select(r => r.Id);
        Assert.Equal(sqlite, memory);
        Assert.True(sqlite.IndexOf(6) > sqlite.IndexOf(5), "an emoji sorts after a fullwidth letter in SQLite");
    }

    [Fact]
    public async Task Scheduled_and_live_pick_the_same_rows_in_linq_sql_and_memory()
    {
        await SeedAsync();
        await using var db = database.NewContext();

        var scheduledLinq = await db.Summaries.Scheduled(Today).Select(s => s.Slug).ToListAsync(TestContext.Current.CancellationToken);
        var scheduledSql = await SlugsAsync(db,
            $"SELECT Slug AS Value FROM Summaries WHERE {SummaryQueries.ScheduledSql(null, SummaryQueries.TodayName)}");
        var scheduledMemory = Rows
            .Where(r => SummaryQueries.IsLive(r.Status, DeletedAt(r.Trashed)) && !SummaryQueries.HasCome(r.PublishedOn, Today))
            .Select(r => r.Slug);
        var liveSql = await SlugsAsync(db, $"SELECT n.Slug AS Value FROM Summaries n WHERE {SummaryQueries.LiveSql("n")}");
        var liveMemory = Rows.Where(r => SummaryQueries.IsLive(r.Status, DeletedAt(r.Trashed))).Select(r => r.Slug);

        Assert.Equal(["published-tomorrow"], scheduledLinq);
        Assert.Equal(["published-tomorrow"], scheduledSql);
        Assert.Equal(["published-tomorrow"], scheduledMemory);
        string[] live = ["published-past", "published-today", "published-tomorrow"];
        Assert.Equal(live, liveSql.Order());
        Assert.Equal(live, liveMemory.Order());
    }

    [Fact]
    public void The_sql_is_the_text_the_page_queries_plans_were_checked_with()
    {
        Assert.Equal(
            "s.Status = 'Published' AND s.DeletedAt IS NULL AND s.PublishedOn <= $today", SummaryQueries.PublishedSql("s", "$today"));
        Assert.Equal("Status = 'Published' AND DeletedAt IS NULL AND PublishedOn > {0}", SummaryQueries.ScheduledSql(null, "{0}"));
        Assert.Equal("PublishedOn <= $today", SummaryQueries.ListingPublishedSql(null, "$today"));
        Assert.Equal("2024-06-15", SummaryQueries.TodayParameter(Today).Value);
    }

    private static DateTimeOffset? DeletedAt(bool trashed) => trashed ? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) : null;

    private static Task<List<string>> SlugsAsync(BlogDbContext db, string sql) =>
        db.Database.SqlQueryRaw<string>(sql, SummaryQueries.TodayParameter(Today)).ToListAsync(TestContext.Current.CancellationToken);

    /// <summary>Every row on one topic, written through EF with the tally triggers in place, so
    /// the topic's listing rows are what a real save leaves.</summary>
    private async Task<int> SeedAsync()
    {
        await using var db = database.NewContext();
        await ArchiveTallies.EnsureAsync(db, NullLogger.Instance, TestContext.Current.CancellationToken);
        var type = new ResearchType { Slug = "meta-analysis", Name = "Meta-analysis", NameFr = "Méta-analyse" };
        var topic = new Topic { Slug = "empathy", Name = "Empathy", NameFr = "Empathie" };
        foreach (var (slug, status, publishedOn, trashed) in Rows)
        {
            db.Summaries.Add(new Summary
            {
                Month = "2024-06",
                Slug = slug,
                Title = slug,
                Status = status,
                PublishedOn = publishedOn,
                DeletedAt = DeletedAt(trashed),
                ResearchType = type,
                Topics = [topic],
                CitationMarkdown = "",
                CitationHtml = "",
                CitationText = "",
                BodyMarkdown = "",
                BodyHtml = "",
                ImplicationsMarkdown = "",
                ImplicationsHtml = "",
                Excerpt = "",
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return topic.Id;
    }
}
