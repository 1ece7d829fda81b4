using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Summaries;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

/// <summary>Each kind of bad summary file gets one error naming the file, the line and the field.</summary>
public sealed class SummaryFileParserTests
{
    private const string File = "summaries/2021/04-x.md";

    private static readonly TaxonomyLookup Taxonomy = new(
        [
            new Topic { Slug = "empathy", Name = "Empathy", NameFr = "Empathie" },
            new Topic { Slug = "training", Name = "Training", NameFr = "Formation" },
        ],
        [new ResearchType { Slug = "meta-analysis", Name = "Meta-analysis", NameFr = "Méta-analyse" }]);

    private static (SummaryContent? Content, List<ImportError> Errors) Parse(string text)
    {
        var errors = new List<ImportError>();
        return (SummaryFileParser.Parse(File, text, Taxonomy, errors), errors);
    }

    private static ImportError SingleError(string text)
    {
        var (content, errors) = Parse(text);
        Assert.Null(content);
        return Assert.Single(errors);
    }

    private static string With(string key, string? value) =>
        TestContent.SummaryText("2021-04", "x", new Dictionary<string, string?> { [key] = value });

    [Fact]
    public void A_complete_file_parses_with_no_errors()
    {
        var (content, errors) = Parse(With("published", "2021-04-15"));

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2021, 4, 15), content!.PublishedOn);
        Assert.Equal("A plain-language account of the study and its **key figures**.", content.BodyMarkdown);
        Assert.Equal("What a practising clinician might do differently.", content.ImplicationsMarkdown);
    }

    [Fact]
    public void A_topic_and_a_research_type_may_be_named_by_their_french_names()
    {
        var (content, errors) = Parse(TestContent.SummaryText("2021-04", "x", new Dictionary<string, string?>
        {
            ["topics"] = "[Empathie, formation]",
            ["research_type"] = "\"Méta-analyse\"",
        }));

        Assert.Empty(errors);
        Assert.Equal(["empathy", "training"], content!.Topics.Select(t => t.Slug));
        Assert.Equal("meta-analysis", content.ResearchType.Slug);
    }

    [Fact]
    public void Broken_yaml_names_the_line_of_the_break()
    {
        var error = SingleError(
            "---\ntitle: \"ok\"\nmonth: 2021-04\ntopics: [empathy\ncitation: x\n---\nBody\n## Practice Implications\nDo.");

        Assert.Equal("front matter", error.Field);
        Assert.InRange(error.Line, 4, 6);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_front_matter_is_rejected_at_line_1()
    {
        var error = SingleError("# Just Markdown\n\n## Practice Implications\nDo.");

        Assert.Equal((File, 1, "front matter"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Unclosed_front_matter_is_rejected()
    {
        var error = SingleError("---\ntitle: x\nBody");

        Assert.Equal("front matter", error.Field);
        Assert.Contains("closing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_topic_names_the_topics_line()
    {
        var error = SingleError(With("topics", "[empathy, mindfulnes]"));

        Assert.Equal((6, "topics"), (error.Line, error.Field));
        Assert.Contains("\"mindfulnes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_research_type_names_its_line()
    {
        var error = SingleError(With("research_type", "anecdote"));

        Assert.Equal((5, "research_type"), (error.Line, error.Field));
        Assert.Contains("\"anecdote\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("April 2021")]
    [InlineData("2021-4")]
    [InlineData("٢٠٢١-٠٤")]
    public void A_bad_month_is_rejected(string month)
    {
        var error = SingleError(With("month", $"\"{month}\""));

        Assert.Equal((3, "month"), (error.Line, error.Field));
        Assert.Contains("YYYY-MM", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("citation")]
    [InlineData("month")]
    [InlineData("research_type")]
    [InlineData("topics")]
    public void A_missing_required_field_is_named(string field)
    {
        var error = SingleError(With(field, null));

        Assert.Equal((1, field), (error.Line, error.Field));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_title_is_rejected_on_its_line()
    {
        var error = SingleError(With("title", "\"\""));

        Assert.Equal((2, "title"), (error.Line, error.Field));
    }

    [Fact]
    public void A_missing_practice_implications_section_is_rejected()
    {
        var text = TestContent.SummaryText("2021-04", "x").Replace("## Practice Implications", "## Discussion", StringComparison.Ordinal);

        var error = SingleError(text);

        Assert.Equal("Practice Implications", error.Field);
        Assert.Contains("## Practice Implications", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_practice_implications_section_is_rejected()
    {
        var error = SingleError(TestContent.SummaryText("2021-04", "x", implications: ""));

        Assert.Equal("Practice Implications", error.Field);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_rejected_on_its_line()
    {
        var error = SingleError(With("auther_email", "a@b.org"));

        Assert.Equal((8, "auther_email"), (error.Line, error.Field));
        Assert.Contains("unknown field", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doi", "not-a-doi", 8)]
    [InlineData("author_email", "nobody", 8)]
    [InlineData("status", "pending", 8)]
    [InlineData("published", "1 April 2021", 8)]
    [InlineData("studies", "\"6,138\"", 8)]
    [InlineData("slug", "Not A Slug", 4)]
    public void A_malformed_optional_field_is_rejected(string field, string value, int line)
    {
        var error = SingleError(With(field, value));

        Assert.Equal((line, field), (error.Line, error.Field));
    }

    [Fact]
    public void A_draft_keeps_its_status()
    {
        var (content, _) = Parse(With("status", "draft"));

        Assert.Equal(SummaryStatus.Draft, content!.Status);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var (content, errors) = Parse("\uFEFF" + TestContent.SummaryText("2021-04", "x").ReplaceLineEndings("\r\n"));

        Assert.Empty(errors);
        Assert.NotNull(content);
    }

    [Theory]
    [InlineData("\n  statistic: z\n  value: 0.3", "effect_size.statistic", "must be one of d, g, r, or")]
    [InlineData("\n  statistic: r\n  value: big", "effect_size.value", "must be a number")]
    [InlineData("\n  statistic: r\n  value: 1.4", "effect_size", "a correlation r lies between -1 and 1")]
    [InlineData("\n  statistic: d\n  value: 0.5\n  ci: [0.6, 0.9]", "effect_size", "the confidence interval must contain the value")]
    [InlineData("\n  statistic: d\n  value: 0.5\n  ci: [0.1]", "effect_size.ci", "must be two numbers")]
    [InlineData("\n  statistic: d\n  value: 0.5\n  size: large", "effect_size.size", "unknown field")]
    [InlineData("d = 0.5", "effect_size", "must hold the fields statistic, value")]
    public void A_bad_structured_effect_names_the_part_at_fault(string value, string field, string message)
    {
        var error = SingleError(With("effect_size", value));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 2, 14);
    }

    [Fact]
    public void Limitations_follow_the_implications_and_a_bottom_line_is_read_from_the_front_matter()
    {
        var text = TestContent.SummaryText("2021-04", "x",
            new Dictionary<string, string?> { ["bottom_line"] = "\"Small but consistent.\"", ["samples"] = "59" },
            implications: "Do this.\n\n## Limitations\n\nOnly 10 trials.");
        var (content, errors) = Parse(text);

        Assert.Empty(errors);
        Assert.Equal("Do this.", content!.ImplicationsMarkdown);
        Assert.Equal("Only 10 trials.", content.LimitationsMarkdown);
        Assert.Equal("Small but consistent.", content.BottomLineMarkdown);
        Assert.Equal(59, content.Samples);
    }

    [Fact]
    public void A_limitations_heading_before_the_implications_or_an_empty_one_is_an_error()
    {
        var before = SingleError(
            "---\ntitle: t\nmonth: 2021-04\nresearch_type: meta-analysis\ntopics: [empathy]\ncitation: c\n---\n" +
            "Body\n## Limitations\nFew.\n## Practice Implications\nDo.");
        var empty = SingleError(TestContent.SummaryText("2021-04", "x", implications: "Do this.\n\n## Limitations\n"));

        Assert.Equal(("Limitations", 9), (before.Field, before.Line));
        Assert.Equal("Limitations", empty.Field);
        Assert.StartsWith("the section is empty", empty.Message, StringComparison.Ordinal);
    }
}

