using System.Text.RegularExpressions;
using PPRNet.Web.Citations;
using PPRNet.Web.Data;

namespace PPRNet.Web.Summaries;

/// <summary>The single save path: every summary, imported or typed in a form, is rendered,
/// sanitized and stored here, so both kinds look and behave the same.</summary>
public sealed partial class SummaryWriter(MarkdownRenderer renderer, TimeProvider clock)
{
    private const int ExcerptLength = 280;

    /// <summary>The rendered fields of a summary: pure work, so an import renders many at once.
    /// Control characters are removed first; a field the pipeline refuses throws
    /// <see cref="ContentRejectedException"/> naming the field.</summary>
    public RenderedSummary Render(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Render(
            ContentLimits.RemoveControlCharacters(content.Citation.Trim()),
            ContentLimits.RemoveControlCharacters(content.BottomLineMarkdown.Trim()),
            ContentLimits.RemoveControlCharacters(content.BodyMarkdown.Trim()),
            ContentLimits.RemoveControlCharacters(content.ImplicationsMarkdown.Trim()),
            ContentLimits.RemoveControlCharacters(content.LimitationsMarkdown.Trim()));
    }

    private RenderedSummary Render(string citation, string bottomLine, string body, string implications, string limitations)
    {
        RenderedField Field(string field, string markdown, Func<string, RenderedMarkdown> render)
        {
            try
            {
                var rendered = render(markdown);
                return new RenderedField(markdown, rendered.Html, rendered.Text);
            }
            catch (ContentRejectedException e)
            {
                throw new ContentRejectedException(field, e.Problem, e);
            }
        }

        var renderedCitation = Field("citation", citation, renderer.RenderInline);
        return new RenderedSummary(
            renderedCitation,
            Field("bottom line", bottomLine, renderer.RenderInline),
            Field("summary", body, renderer.Render),
            Field("Practice Implications", implications, renderer.Render),
            Field("limitations", limitations, renderer.Render),
            // Read here, with the rendering, so an import parses its files' citations in parallel too.
            ApaCitation.Parse(renderedCitation.Markdown, renderedCitation.Text, doi: null));
    }

    public Summary Create(SummaryContent content, RenderedSummary? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = clock.GetUtcNow();
        var summary = new Summary
        {
            Month = content.Month,
            Slug = content.Slug,
            Title = content.Title,
            CitationMarkdown = content.Citation,
            CitationHtml = "",
            CitationText = "",
            BodyMarkdown = content.BodyMarkdown,
            BodyHtml = "",
            ImplicationsMarkdown = content.ImplicationsMarkdown,
            ImplicationsHtml = "",
            Excerpt = "",
            CreatedAt = now,
        };
        Apply(summary, content, rendered);
        return summary;
    }

    public void Apply(Summary summary, SummaryContent content, RenderedSummary? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(content);
        // Rendered before anything is assigned: a field the pipeline refuses leaves the row as it was.
        rendered ??= Render(content);
        summary.Month = content.Month;
        summary.Slug = content.Slug;
        summary.Title = ContentLimits.RemoveControlCharacters(content.Title.Trim());
        summary.Doi = content.Doi;
        summary.AuthorEmail = content.AuthorEmail;
        Store(summary, rendered);
        summary.Studies = content.Studies;
        summary.Samples = content.Samples;
        summary.Participants = content.Participants;
        summary.Effect = ContentLimits.RemoveControlCharactersOrNull(content.Effect);
        summary.EffectStatistic = content.EffectSize?.Statistic;
        summary.EffectValue = content.EffectSize?.Value;
        summary.EffectCiLow = content.EffectSize?.CiLow;
        summary.EffectCiHigh = content.EffectSize?.CiHigh;
        summary.EffectOutcome = ContentLimits.RemoveControlCharactersOrNull(content.EffectSize?.Outcome);
        summary.CertaintyLevel = content.Certainty?.Level;
        summary.CertaintyReasons = content.Certainty?.StoredReasons ?? "";
        summary.CertaintyNote = ContentLimits.RemoveControlCharactersOrNull(content.Certainty?.Note.Trim());
        summary.Contributor = ContentLimits.RemoveControlCharactersOrNull(content.Contributor?.Trim());
        summary.RevisedOn = content.RevisedOn;
        summary.Status = content.Status;
        summary.PublishedOn = content.PublishedOn;
        summary.ResearchType = content.ResearchType;
        summary.Topics.RemoveAll(t => !content.Topics.Contains(t));
        summary.Topics.AddRange(content.Topics.Where(t => !summary.Topics.Contains(t)));
        summary.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Renders the summary's Markdown into its stored HTML and text; also used to bring
    /// rows up to date after the pipeline changed.</summary>
    public void Rerender(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rendered = Render(
            ContentLimits.RemoveControlCharacters(summary.CitationMarkdown),
            ContentLimits.RemoveControlCharacters(summary.BottomLineMarkdown),
            ContentLimits.RemoveControlCharacters(summary.BodyMarkdown),
            ContentLimits.RemoveControlCharacters(summary.ImplicationsMarkdown),
            ContentLimits.RemoveControlCharacters(summary.LimitationsMarkdown));
        summary.Title = ContentLimits.RemoveControlCharacters(summary.Title);
        summary.Effect = ContentLimits.RemoveControlCharactersOrNull(summary.Effect);
        Store(summary, rendered);
    }

    private static void Store(Summary summary, RenderedSummary rendered)
    {
        summary.CitationMarkdown = rendered.Citation.Markdown;
        summary.CitationHtml = rendered.Citation.Html;
        summary.CitationText = rendered.Citation.Text;
        summary.CitationAuthors = [.. rendered.Reference.Authors];
        summary.CitationYear = rendered.Reference.Year;
        summary.CitationTitle = rendered.Reference.Title;
        summary.CitationJournal = rendered.Reference.Journal;
        summary.CitationVolume = rendered.Reference.Volume;
        summary.CitationIssue = rendered.Reference.Issue;
        summary.CitationFirstPage = rendered.Reference.FirstPage;
        summary.CitationLastPage = rendered.Reference.LastPage;
        summary.BottomLineMarkdown = rendered.BottomLine.Markdown;
        summary.BottomLineHtml = rendered.BottomLine.Html;
        summary.BottomLineText = rendered.BottomLine.Text;
        summary.LimitationsMarkdown = rendered.Limitations.Markdown;
        summary.LimitationsHtml = rendered.Limitations.Html;
        summary.BodyMarkdown = rendered.Body.Markdown;
        summary.BodyHtml = rendered.Body.Html;
        summary.BodyText = rendered.Body.Text;
        summary.ImplicationsMarkdown = rendered.Implications.Markdown;
        summary.ImplicationsHtml = rendered.Implications.Html;
        summary.ImplicationsText = rendered.Implications.Text;
        summary.Excerpt = Excerpt(rendered.Body.Text);
        summary.WordCount = rendered.WordCount;
        summary.RenderedWith = MarkdownRenderer.RenderVersion;
    }

    private static string Excerpt(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return string.Concat(flat.AsSpan(0, cut > 0 ? cut : ExcerptLength), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>One Markdown field as stored: its (cleaned) Markdown, sanitized HTML and plain text.</summary>
public sealed record RenderedField(string Markdown, string Html, string Text);

/// <summary>Every rendered field of a summary, and the parts of its citation (<see cref="Reference"/>,
/// without the DOI, which the summary holds apart).</summary>
public sealed record RenderedSummary(
    RenderedField Citation, RenderedField BottomLine, RenderedField Body, RenderedField Implications, RenderedField Limitations,
    ApaCitation Reference)
{
    /// <summary>What a reader reads through: the words of every text section, counted one way
    /// for the stored summary and for the editors' preview.</summary>
    public int WordCount => new[] { BottomLine, Body, Implications, Limitations }.Sum(f => CountWords(f.Text));

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
