using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>An import writes its new summaries through <see cref="RowInserter"/> rather than EF's
/// tracked insert; the rows must be the very rows EF would have written.</summary>
public sealed class RowInserterTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_summary_inserted_with_its_topics_is_stored_exactly_as_EF_stores_it()
    {
        await using var db = database.NewContext();
        var type = await TermsAsync(db);
        var topics = await db.Topics.OrderBy(t => t.Id).ToListAsync(Cancel);
        db.Summaries.Add(Rich("by-ef", type, topics));
        await db.SaveChangesAsync(Cancel);

        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            var summaryType = db.Model.FindEntityType(typeof(Summary))!;
            var links = summaryType.FindSkipNavigation(nameof(Summary.Topics))!;
            await using var summaries = await RowInserter.PrepareAsync(db, summaryType, Cancel);
            await using var topicLinks = await RowInserter.PrepareAsync(db, links.JoinEntityType, Cancel);
            var summary = Rich("by-inserter", type, topics);
            summary.Id = checked((int)await summaries.InsertAsync(summary, Cancel));
            foreach (var topic in summary.Topics)
            {
                await topicLinks.InsertAsync(
                    new Dictionary<string, object> { ["SummariesId"] = summary.Id, ["TopicsId"] = topic.Id }, Cancel);
            }

            Assert.True(summary.Id > 0);
            await transaction.CommitAsync(Cancel);
        }

        var byEf = await RowAsync(db, "by-ef");
        var byInserter = await RowAsync(db, "by-inserter");
        Assert.Equal(byEf.Count, byInserter.Count);
        foreach (var (column, value) in byEf.Where(c => c.Key is not ("Id" or "Slug")))
        {
            Assert.True(Equals(value, byInserter[column]), $"{column}: EF stored {value}, the inserter {byInserter[column]}");
        }

        // Read back through EF: every converted column (enums as text, dates as ticks, the author
        // list as JSON) and the topic links mean the same summary.
        db.ChangeTracker.Clear();
        var read = await db.Summaries.Include(s => s.Topics).Include(s => s.ResearchType).SingleAsync(s => s.Slug == "by-inserter", Cancel);
        Assert.Equal((EffectStatistic.R, CertaintyLevel.Moderate, SummaryStatus.Published),
            (read.EffectStatistic, read.CertaintyLevel, read.Status));
        Assert.Equal(["Author, A.", "Writer, B."], read.CitationAuthors);
        Assert.Equal(new DateOnly(2021, 4, 1), read.PublishedOn);
        Assert.Equal(Created, read.CreatedAt);
        Assert.Equal(type.Id, read.ResearchType.Id);
        Assert.Equal(topics.Select(t => t.Id), read.Topics.Select(t => t.Id).Order());
        // Left unset, as a form never sets it: the column's own default, as EF leaves it to SQLite.
        Assert.Equal("", read.BottomLineHtml);
    }

    [Fact]
    public async Task A_row_refused_by_the_database_fails_loudly()
    {
        await using var db = database.NewContext();
        var type = await TermsAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        await using var summaries = await RowInserter.PrepareAsync(db, db.Model.FindEntityType(typeof(Summary))!, Cancel);
        await summaries.InsertAsync(Rich("twice", type, []), Cancel);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => summaries.InsertAsync(Rich("twice", type, []), Cancel));
    }

    /// <summary>A research type and two topics, saved; returns the type.</summary>
    private static async Task<ResearchType> TermsAsync(BlogDbContext db)
    {
        var type = new ResearchType { Slug = "meta-analysis", Name = "Meta-analysis", NameFr = "Méta-analyse" };
        db.ResearchTypes.Add(type);
        db.Topics.AddRange(
            new Topic { Slug = "empathy", Name = "Empathy", NameFr = "Empathie" },
            new Topic { Slug = "alliance", Name = "Alliance", NameFr = "Alliance" });
        await db.SaveChangesAsync(Cancel);
        return type;
    }

    private static readonly DateTimeOffset Created = new(2021, 4, 2, 10, 30, 0, TimeSpan.Zero);

    private static Summary Rich(string slug, ResearchType type, List<Topic> topics) => new()
    {
        Month = "2021-04",
        Slug = slug,
        Title = "Empathy and outcome",
        CitationMarkdown = "Author, A., & Writer, B. (2020). A study. *Journal*, 1(2), 3–4.",
        CitationHtml = "Author, A., &amp; Writer, B. (2020). A study. <em>Journal</em>, 1(2), 3–4.",
        CitationText = "Author, A., & Writer, B. (2020). A study. Journal, 1(2), 3–4.",
        CitationAuthors = ["Author, A.", "Writer, B."],
        CitationYear = "2020",
        CitationJournal = "Journal",
        Doi = "10.1000/xyz",
        AuthorEmail = "author@example.org",
        BodyMarkdown = "Body **text**.",
        BodyHtml = "<p>Body <strong>text</strong>.</p>",
        BodyText = "Body text.",
        ImplicationsMarkdown = "- Listen",
        ImplicationsHtml = "<ul><li>Listen</li></ul>",
        ImplicationsText = "Listen",
        BottomLineHtml = null!,
        Excerpt = "Body text.",
        WordCount = 3,
        RenderedWith = 7,
        Studies = 22,
        Participants = 6138,
        Effect = "r = .27, 95% CI [.09, .44]",
        EffectStatistic = EffectStatistic.R,
        EffectValue = 0.27,
        EffectCiLow = 0.09,
        EffectCiHigh = 0.44,
        EffectOutcome = "empathy and outcome",
        CertaintyLevel = CertaintyLevel.Moderate,
        CertaintyReasons = "imprecision",
        RevisedOn = new DateOnly(2022, 1, 5),
        Status = SummaryStatus.Published,
        PublishedOn = new DateOnly(2021, 4, 1),
        ResearchType = type,
        Topics = [.. topics],
        SourcePath = "summaries/2021/04-study.md",
        ContentHash = "abc",
        SourceLength = 1234,
        SourceWrittenTicks = 5678,
        CreatedAt = Created,
        UpdatedAt = Created.AddHours(1),
        UpdatedBy = "content import",
        Version = 1,
    };

    private static async Task<Dictionary<string, object?>> RowAsync(BlogDbContext db, string slug)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Cancel);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT *, (SELECT group_concat(TopicsId) FROM (SELECT TopicsId FROM SummaryTopics "
                + "WHERE SummariesId = s.Id ORDER BY TopicsId)) AS Topics FROM Summaries s WHERE Slug = $slug";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$slug";
            parameter.Value = slug;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            Assert.True(await reader.ReadAsync(Cancel));
            return Enumerable.Range(0, reader.FieldCount)
                .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
