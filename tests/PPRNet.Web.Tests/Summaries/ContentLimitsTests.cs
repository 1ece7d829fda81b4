using System.Net;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Summaries;

public sealed class ContentLimitsTests : IDisposable
{
    private static readonly string DeepQuote = string.Concat(Enumerable.Repeat("> ", 130)) + "too deep";
    private static readonly string DeepList = string.Concat(Enumerable.Repeat("- ", 2_000)) + "too deep";

    private readonly TestContent content = new();
    private readonly TestDatabase database = new();

    public void Dispose()
    {
        content.Dispose();
        database.Dispose();
    }

    private async Task<List<string>> StoredSlugsAsync()
    {
        await using var db = database.NewContext();
        return await db.Summaries.Select(s => s.Slug).OrderBy(s => s).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Markdown_nested_past_the_limit_is_a_named_error_with_its_line_and_the_other_files_still_import()
    {
        content.WriteSummary("2021-04", "fine");
        content.WriteSummary("2021-04", "deep-quote", body: "First line.\n\n" + DeepQuote);
        content.WriteSummary("2021-04", "deep-list", implications: DeepList);

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(1, report.Added);
        Assert.Equal(["fine"], await StoredSlugsAsync());
        var quote = Assert.Single(report.Errors, e => e.File.EndsWith("04-deep-quote.md", StringComparison.Ordinal));
        Assert.Equal("summary", quote.Field);
        Assert.Equal(File.ReadAllLines(Path.Combine(content.Root, quote.File)).ToList()
            .FindIndex(l => l.StartsWith("> >", StringComparison.Ordinal)) + 1, quote.Line);
        Assert.Contains("more than 32 levels deep", quote.Message, StringComparison.Ordinal);
        var list = Assert.Single(report.Errors, e => e.File.EndsWith("04-deep-list.md", StringComparison.Ordinal));
        Assert.Equal("Practice Implications", list.Field);
    }

    [Fact]
    public async Task A_field_over_100_KB_too_many_topics_and_a_file_over_the_size_limit_are_named_errors()
    {
        content.WriteSummary("2021-04", "fine");
        content.WriteSummary("2021-04", "long-body", body: new string('a', ContentLimits.MaxMarkdownLength + 1));
        var huge = content.WriteSummary("2021-04", "huge-file", body: string.Join("\n\n", Enumerable.Repeat(new string('b', 1_000), 600)));
        var tooManyTopics = Enumerable.Range(0, ContentLimits.MaxTopics + 1).Select(i => $"topic-{i}").ToList();
        content.Write("taxonomy.yml", TestContent.Taxonomy.Replace("topics:\n",
            "topics:\n" + string.Concat(tooManyTopics.Select(t => $"  - name: \"{t}\"\n    name_fr: \"{t}\"\n    slug: {t}\n")),
            StringComparison.Ordinal));
        content.WriteSummary("2021-04", "many-topics",
            new Dictionary<string, string?> { ["topics"] = "[" + string.Join(", ", tooManyTopics) + "]" });

        var report = await database.ImportAsync(content.Root);

        Assert.Equal(["fine"], await StoredSlugsAsync());
        Assert.Contains(report.Errors, e => e.File.EndsWith("long-body.md", StringComparison.Ordinal) && e.Field == "summary"
            && e.Message.Contains("the limit is 100,000", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.File.EndsWith("many-topics.md", StringComparison.Ordinal) && e.Field == "topics"
            && e.Message.Contains($"more than {ContentLimits.MaxTopics} topics", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.File == huge && e.Field == "file"
            && e.Message.Contains("the limit is 512 KB", StringComparison.Ordinal));
    }

    [Fact]
    public void The_save_path_turns_a_refused_field_into_a_named_error_and_leaves_the_row_as_it_was()
    {
        var writer = new SummaryWriter(new MarkdownRenderer(), TimeProvider.System);
        var type = new ResearchType { Slug = "meta-analysis", Name = "Meta-analysis", NameFr = "Méta-analyse" };
        var good = new SummaryContent
        {
            Title = "Good",
            Month = "2021-04",
            Slug = "good",
            ResearchType = type,
            Topics = [],
            Citation = "A. (2020).",
            PublishedOn = new DateOnly(2021, 4, 1),
            BodyMarkdown = "Fine.",
            ImplicationsMarkdown = "Fine too.",
        };
        var summary = writer.Create(good);

        var refused = Assert.Throws<ContentRejectedException>(() => writer.Apply(summary,
            good with { Title = "Changed", BodyMarkdown = DeepList }));

        Assert.Equal("summary", refused.Field);
        Assert.Equal("Good", summary.Title);
        Assert.Equal("<p>Fine.</p>\n", summary.BodyHtml);
    }

    [Fact]
    public async Task A_deeply_nested_file_does_not_stop_the_site_from_starting()
    {
        content.WriteSummary("2021-04", "fine", new Dictionary<string, string?> { ["title"] = "\"Still Here\"" });
        content.WriteSummary("2021-04", "deep-quote", body: DeepQuote);
        using var site = new BlogSite(content.Root);

        var (response, page) = await site.GetPageAsync("/blog/2021/04/fine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Still Here", page.Text("h1"));
    }

    [Fact]
    public void Control_characters_other_than_tab_and_newlines_are_removed()
    {
        Assert.Equal("a\tb\nc\r\nde f", ContentLimits.RemoveControlCharacters("a\tb\nc\r\n\u0001d\u001Fe\u000C f\u007F"));
    }
}
