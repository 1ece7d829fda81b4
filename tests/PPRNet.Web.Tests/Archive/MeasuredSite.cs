using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>A site with the output cache off and every SQL command recorded.</summary>
public sealed class MeasuredSite : BlogSite
{
    private readonly SqlRecorder recorder;
    private readonly SemaphoreSlim one = new(1, 1);

    public MeasuredSite(string contentPath)
        : base(contentPath)
    {
        recorder = new SqlRecorder(DatabasePath);
    }

    public BlogSite Site => this;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["OutputCache:Enabled"] = "false";
            // The outbox worker's poll is SQL on the same database; every 15 s it could land
            // inside a measurement and be counted as the page's (4 statements became 7 once).
            settings["Mail:PollSeconds"] = "86400";
            return settings;
        }
    }

    protected override void Dispose(bool disposing)
    {
        recorder.Dispose();
        base.Dispose(disposing);
    }

    public async Task<IReadOnlyList<RecordedCommand>> MeasureAsync(string url, bool afterASave = false)
    {
        await one.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            // Measured as the page is served in steady state: after one request has read what
            // every page shares and keeps (the taxonomy).
            await Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            if (afterASave)
            {
                Services.GetRequiredService<TopicWindows>().Clear();
            }

            recorder.Clear();
            // Only the request's own commands: a background service's poll once landed in the
            // measurement and a page seemed to send 6 statements instead of 3.
            Server.PreserveExecutionContext = true;
            HttpResponseMessage response;
            using (recorder.Watch())
            {
                response = await Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return recorder.Commands;
        }
        finally
        {
            one.Release();
        }
    }

    /// <summary>Each line of the statement's query plan, with the line it is directly nested in.</summary>
    public IReadOnlyList<(string Line, string Within)> Plan(RecordedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        // The site's connection settings, search's ranking function among them.
        SqliteTuning.Apply(connection);
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var byId = new Dictionary<int, string>();
        var lines = new List<(string, string)>();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            var (id, parent, line) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3));
            byId[id] = line;
            lines.Add((line, byId.GetValueOrDefault(parent, "")));
        }

        return lines;
    }

    /// <summary>Old summaries written straight into the database, half on depression and half
    /// on empathy, so the triggers keep listings and counts as any other write would.</summary>
    public async Task AddBulkSummariesAsync(int count)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Summaries (Month, Slug, Status, PublishedOn, ResearchTypeId, Version, EditedOnWeb, WordCount, RenderedWith,
                CreatedAt, UpdatedAt, Title, Excerpt, CitationText, CitationHtml, CitationMarkdown, BodyText, ImplicationsText,
                ImplicationsHtml, ImplicationsMarkdown, BodyHtml, BodyMarkdown,
                BottomLineMarkdown, BottomLineHtml, BottomLineText, LimitationsMarkdown, LimitationsHtml)
            SELECT printf('%04d-%02d', 1900 + i / 600, (i / 50) % 12 + 1), 'bulk-' || i, 'Published',
                printf('%04d-%02d-01', 1900 + i / 600, (i / 50) % 12 + 1),
                (SELECT Id FROM ResearchTypes WHERE Slug = 'meta-analysis'), 1, 0, 300, 1, 0, 0,
                'Bulk study ' || i, 'An excerpt.', 'Author, A. (1900).', '<p>Author</p>', 'Author', 'A therapy study number ' || i,
                'Implications.', '<p>Implications.</p>', 'Implications.', '<p>Body.</p>', 'Body.',
                '', '', '', '', ''
            FROM n;
            INSERT INTO SummaryTopics (SummariesId, TopicsId)
            SELECT s.Id, t.Id FROM Summaries s JOIN Topics t
              ON t.Slug = CASE WHEN CAST(substr(s.Slug, 6) AS INTEGER) % 2 = 0 THEN 'depression' ELSE 'empathy' END
            WHERE s.Slug LIKE 'bulk-%';
            """;
        command.Parameters.AddWithValue("$count", count);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
