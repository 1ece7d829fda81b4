using System.Text.RegularExpressions;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>The single save path: every summary, imported or typed in a form, is rendered,
/// sanitized and stored here, so both kinds look and behave the same.</summary>
public sealed partial class SummaryWriter(MarkdownRenderer renderer, TimeProvider clock)
{
    private const int ExcerptLength = 280;

    /// <summary>The rendered fields of a summary: pure work, so an import renders many at once.</summary>
    public RenderedSummary Render(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Render(content.Citation.Trim(), content.BodyMarkdown.Trim(), content.ImplicationsMarkdown.Trim());
    }

    private RenderedSummary Render(string citation, string body, string implications) =>
        new(renderer.RenderInline(citation), renderer.Render(body), renderer.Render(implications));

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
        summary.Month = content.Month;
        summary.Slug = content.Slug;
        summary.Title = content.Title.Trim();
        summary.CitationMarkdown = content.Citation.Trim();
        summary.Doi = content.Doi;
        summary.AuthorEmail = content.AuthorEmail;
        summary.BodyMarkdown = content.BodyMarkdown.Trim();
        summary.ImplicationsMarkdown = content.ImplicationsMarkdown.Trim();
        Store(summary, rendered ?? Render(content));
        summary.Studies = content.Studies;
        summary.Participants = content.Participants;
        summary.Effect = content.Effect;
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
        Store(summary, Render(summary.CitationMarkdown, summary.BodyMarkdown, summary.ImplicationsMarkdown));
    }

    private static void Store(Summary summary, RenderedSummary rendered)
    {
        summary.CitationHtml = rendered.Citation.Html;
        summary.CitationText = rendered.Citation.Text;
        summary.BodyHtml = rendered.Body.Html;
        summary.ImplicationsHtml = rendered.Implications.Html;
        summary.BodyText = rendered.Body.Text;
        summary.ImplicationsText = rendered.Implications.Text;
        summary.Excerpt = Excerpt(summary.BodyText);
        summary.WordCount = CountWords(summary.BodyText) + CountWords(summary.ImplicationsText);
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

    private static int CountWords(string text) => Whitespace().Split(text.Trim()).Count(w => w.Length > 0);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed record RenderedSummary(RenderedMarkdown Citation, RenderedMarkdown Body, RenderedMarkdown Implications);
