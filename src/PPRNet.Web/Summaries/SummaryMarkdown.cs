using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PPRNet.Web.Data;
using PPRNet.Web.Import;

namespace PPRNet.Web.Summaries;

/// <summary>Writes a summary in the content/ file format, the inverse of <see cref="SummaryFileParser"/>.
/// Used for export and for revisions, so what is exported imports back to the same summary.</summary>
public static class SummaryMarkdown
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The summary's file path inside a content folder.</summary>
    public static string RelativePath(string month, string slug) => $"summaries/{month[..4]}/{month[5..]}-{slug}.md";

    public static string Write(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Write(new SummaryContent
        {
            Title = summary.Title,
            Month = summary.Month,
            Slug = summary.Slug,
            ResearchType = summary.ResearchType,
            Topics = summary.Topics.OrderBy(t => t.Slug, StringComparer.Ordinal).ToList(),
            Citation = summary.CitationMarkdown,
            Doi = summary.Doi,
            AuthorEmail = summary.AuthorEmail,
            Status = summary.Status,
            PublishedOn = summary.PublishedOn,
            Studies = summary.Studies,
            Samples = summary.Samples,
            Participants = summary.Participants,
            Effect = summary.Effect,
            EffectSize = summary.EffectSize,
            Certainty = summary.Certainty,
            Contributor = summary.Contributor,
            RevisedOn = summary.RevisedOn,
            BottomLineMarkdown = summary.BottomLineMarkdown,
            BodyMarkdown = summary.BodyMarkdown,
            ImplicationsMarkdown = summary.ImplicationsMarkdown,
            LimitationsMarkdown = summary.LimitationsMarkdown,
        });
    }

    public static string Write(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder("---\n");
        void Field(string key, string? value)
        {
            if (value is not null)
            {
                text.Append(key).Append(": ").Append(value).Append('\n');
            }
        }

        Field("title", Quote(content.Title));
        Field("month", content.Month);
        Field("slug", content.Slug);
        Field("research_type", content.ResearchType.Slug);
        Field("topics", "[" + string.Join(", ", content.Topics.Select(t => t.Slug)) + "]");
        Field("citation", Quote(content.Citation));
        Field("doi", Quote(content.Doi));
        Field("author_email", Quote(content.AuthorEmail));
        Field("status", content.Status == SummaryStatus.Draft ? "draft" : "published");
        Field("published", content.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("updated", content.RevisedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("contributor", Quote(content.Contributor));
        Field("studies", content.Studies?.ToString(CultureInfo.InvariantCulture));
        Field("samples", content.Samples?.ToString(CultureInfo.InvariantCulture));
        Field("participants", content.Participants?.ToString(CultureInfo.InvariantCulture));
        if (content.EffectSize is { } effect)
        {
            text.Append("effect_size:\n");
            Field("  statistic", EffectSize.Code(effect.Statistic));
            Field("  value", Number(effect.Value));
            if (effect.CiLow is { } low && effect.CiHigh is { } high)
            {
                Field("  ci", $"[{Number(low)}, {Number(high)}]");
            }

            Field("  outcome", Quote(effect.Outcome));
        }

        Field("effect", Quote(content.Effect));
        Field("bottom_line", content.BottomLineMarkdown.Length == 0 ? null : Quote(content.BottomLineMarkdown));
        if (content.Certainty is { } certainty)
        {
            Field("certainty", Certainty.Code(certainty.Level));
            var reasons = string.Join(", ", certainty.Reasons.Select(Certainty.Code));
            Field("certainty_reasons", certainty.Reasons.Count == 0 ? null : $"[{reasons}]");
            Field("certainty_note", Quote(certainty.Note));
        }

        text.Append("---\n")
            .Append(content.BodyMarkdown.Trim()).Append("\n\n## Practice Implications\n\n")
            .Append(content.ImplicationsMarkdown.Trim()).Append('\n');
        if (content.LimitationsMarkdown.Trim().Length > 0)
        {
            text.Append("\n## Limitations\n\n").Append(content.LimitationsMarkdown.Trim()).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // A JSON string literal is a valid YAML double-quoted scalar, escapes included.
    private static string? Quote(string? value) => value is null ? null : JsonSerializer.Serialize(value, Quoting);
}
