using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Summaries;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

/// <summary>The certainty rating in front matter: a GRADE level, the domains that lowered it and a
/// reason in words; each mistake is reported with its field and line, and the rest of the file still reads.</summary>
public sealed class CertaintyParsingTests
{
    private static readonly TaxonomyLookup Taxonomy = new(
        [new Topic { Slug = "empathy", Name = "Empathy", NameFr = "Empathie" }],
        [new ResearchType { Slug = "meta-analysis", Name = "Meta-analysis", NameFr = "Méta-analyse" }]);

    private static (SummaryContent? Content, List<ImportError> Errors) Parse(params (string Key, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Key, f => (string?)f.Value);
        var errors = new List<ImportError>();
        var text = TestContent.SummaryText("2021-04", "x", values);
        return (SummaryFileParser.Parse("summaries/2021/04-x.md", text, Taxonomy, errors), errors);
    }

    private static int LineOf(string key, params (string Key, string Value)[] fields)
    {
        var text = TestContent.SummaryText("2021-04", "x", fields.ToDictionary(f => f.Key, f => (string?)f.Value));
        return Array.FindIndex(text.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 1;
    }

    [Fact]
    public void A_rating_with_reasons_and_a_note_is_read()
    {
        var (content, errors) = Parse(("certainty", "low"), ("certainty_reasons", "[inconsistency, risk of bias]"),
            ("certainty_note", "\"The studies were correlational and varied widely.\""));

        Assert.Empty(errors);
        var certainty = content!.Certainty!;
        Assert.Equal(CertaintyLevel.Low, certainty.Level);
        Assert.Equal([CertaintyReason.Inconsistency, CertaintyReason.RiskOfBias], certainty.Reasons);
        Assert.Equal("The studies were correlational and varied widely.", certainty.Note);
    }

    [Fact]
    public void No_rating_is_no_certainty()
    {
        var (content, errors) = Parse();

        Assert.Empty(errors);
        Assert.Null(content!.Certainty);
    }

    [Fact]
    public void An_unknown_level_names_the_field_and_its_line()
    {
        (string, string)[] fields = [("certainty", "fairly-sure"), ("certainty_note", "\"Because.\"")];
        var (content, errors) = Parse(fields);

        Assert.Null(content);
        var error = Assert.Single(errors);
        Assert.Equal(("certainty", LineOf("certainty", fields)), (error.Field, error.Line));
        Assert.Contains("\"fairly-sure\" is not a rating", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rating_without_a_note_asks_for_one()
    {
        var error = Assert.Single(Parse(("certainty", "moderate")).Errors);

        Assert.Equal("certainty_note", error.Field);
        Assert.Contains("why the evidence earns this rating", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_domain_is_refused_and_the_five_are_listed()
    {
        var error = Assert.Single(Parse(("certainty", "low"), ("certainty_reasons", "[small samples]"),
            ("certainty_note", "\"Few clients.\"")).Errors);

        Assert.Equal("certainty_reasons", error.Field);
        Assert.Contains("risk-of-bias, inconsistency, imprecision, indirectness, publication-bias", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void High_certainty_and_not_rated_are_not_rated_down_for_anything()
    {
        var error = Assert.Single(Parse(("certainty", "not-rated"), ("certainty_reasons", "[imprecision]"),
            ("certainty_note", "\"A qualitative study.\"")).Errors);

        Assert.Equal("certainty_reasons", error.Field);
    }

    [Fact]
    public void Reasons_or_a_note_without_a_rating_ask_for_the_rating()
    {
        var error = Assert.Single(Parse(("certainty_note", "\"Trust it a little.\"")).Errors);

        Assert.Equal("certainty", error.Field);
    }

    [Fact]
    public void A_rating_is_written_back_and_reads_again_the_same()
    {
        var (content, _) = Parse(("certainty", "very-low"), ("certainty_reasons", "[imprecision, publication-bias]"),
            ("certainty_note", "\"Three small trials, \\\"promising\\\" at best.\""));

        var errors = new List<ImportError>();
        var again = SummaryFileParser.Parse("summaries/2021/04-x.md", SummaryMarkdown.Write(content!), Taxonomy, errors);

        Assert.Empty(errors);
        Assert.Equal(content!.Certainty!.Level, again!.Certainty!.Level);
        Assert.Equal(content.Certainty.Reasons, again.Certainty.Reasons);
        Assert.Equal("Three small trials, \"promising\" at best.", again.Certainty.Note);
    }
}
