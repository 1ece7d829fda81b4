using System.Text.RegularExpressions;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>The single save path: every summary, imported or typed in a form, is rendered,
/// sanitized and stored here, so both kinds look and behave the same.</summary>
public sealed partial class SummaryWriter(MarkdownRenderer renderer, TimeProvider clock)
{
    private const int ExcerptLength = 280;

    public Summary Create(SummaryContent content)
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
        Apply(summary, content);
        return summary;
    }

    public void Apply(Summary summary, SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(content);
        // Rendered before anything is assigned: a field the pipeline refuses leaves the row as it was.
        var rendered = Render(
            ContentLimits.RemoveControlCharacters(content.Citation.Trim()),
            ContentLimits.RemoveControlCharacters(content.BodyMarkdown.Trim()),
            ContentLimits.RemoveControlCharacters(content.ImplicationsMarkdown.Trim()));
        summary.Month = content.Month;
        summary.Slug = content.Slug;
        summary.Title = ContentLimits.RemoveControlCharacters(content.Title.Trim());
        summary.Doi = content.Doi;
        summary.AuthorEmail = content.AuthorEmail;
        Store(summary, rendered);
        summary.Studies = content.Studies;
        summary.Participants = content.Participants;
        summary.Effect = ContentLimits.RemoveControlCharactersOrNull(content.Effect);
        summary.Status = content.Status;
        summary.PublishedOn = content.PublishedOn;
        summary.ResearchType = content.ResearchType;
        summary.Topics.RemoveAll(t => !content.Topics.Contains(t));
        summary.Topics.AddRange(content.Topics.Where(t => !summary.Topics.Contains(t)));
        summary.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Renders the summary's Markdown into its stored HTML and text; also used to bring
    /// rows up to date after the pipeline changed.
    /// Control characters stored before they were removed on save go here too.
    /// Throws <see cref="ContentRejectedException"/> naming the field the pipeline refused.</summary>
    public void Rerender(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rendered = Render(
            ContentLimits.RemoveControlCharacters(summary.CitationMarkdown),
            ContentLimits.RemoveControlCharacters(summary.BodyMarkdown),
            ContentLimits.RemoveControlCharacters(summary.ImplicationsMarkdown));
        summary.Title = ContentLimits.RemoveControlCharacters(summary.Title);
        summary.Effect = ContentLimits.RemoveControlCharactersOrNull(summary.Effect);
        Store(summary, rendered);
    }

    private sealed record Rendered(string Citation, string CitationHtml, string CitationText, string Body, string BodyHtml, string BodyText,
        string Implications, string ImplicationsHtml, string ImplicationsText);

    private Rendered Render(string citation, string body, string implications)
    {
        string Field(string field, Func<string> render)
        {
            try
            {
                return render();
            }
            catch (ContentRejectedException e)
            {
                throw new ContentRejectedException(field, e.Problem, e);
            }
        }

        return new Rendered(
            citation,
            Field("citation", () => renderer.ToInlineHtml(citation)),
            Field("citation", () => renderer.ToPlainText(citation)),
            body,
            Field("summary", () => renderer.ToHtml(body)),
            Field("summary", () => renderer.ToPlainText(body)),
            implications,
            Field("Practice Implications", () => renderer.ToHtml(implications)),
            Field("Practice Implications", () => renderer.ToPlainText(implications)));
    }

    private static void Store(Summary summary, Rendered rendered)
    {
        summary.CitationMarkdown = rendered.Citation;
        summary.CitationHtml = rendered.CitationHtml;
        summary.CitationText = rendered.CitationText;
        summary.BodyMarkdown = rendered.Body;
        summary.BodyHtml = rendered.BodyHtml;
        summary.BodyText = rendered.BodyText;
        summary.ImplicationsMarkdown = rendered.Implications;
        summary.ImplicationsHtml = rendered.ImplicationsHtml;
        summary.ImplicationsText = rendered.ImplicationsText;
        summary.Excerpt = Excerpt(rendered.BodyText);
        summary.WordCount = CountWords(rendered.BodyText) + CountWords(rendered.ImplicationsText);
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
