using System.Text.RegularExpressions;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>Reads one summary file (YAML front matter, Markdown body split at "## Practice
/// Implications") and checks every field, reporting each problem with its line.</summary>
public static partial class SummaryFileParser
{
    private static readonly HashSet<string> KnownKeys =
    [
        "title", "month", "slug", "research_type", "topics", "citation", "doi", "author_email",
        "status", "published", "studies", "samples", "participants", "effect", "effect_size",
        "bottom_line", "contributor", "updated", "certainty", "certainty_reasons", "certainty_note",
    ];

    public static SummaryContent? Parse(string displayPath, string text, TaxonomyLookup taxonomy, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Error(int line, string field, string message) => errors.Add(new ImportError(displayPath, line, field, message));

        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            Error(1, "front matter", "the file must start with a line \"---\", then the YAML fields, then another \"---\"");
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            Error(1, "front matter", "no closing \"---\" line after the YAML fields");
            return null;
        }

        var fields = FrontMatter.Read(string.Join('\n', lines[1..close]), Error);
        if (fields is null)
        {
            return null;
        }

        fields.RefuseUnknown(KnownKeys);

        var title = fields.Scalar("title", required: true);
        var citation = fields.Scalar("citation", required: true);

        var monthText = fields.Scalar("month", required: true);
        string? month = null;
        if (monthText is not null && !SummaryRules.TryParseMonth(monthText, out month))
        {
            Error(fields.LineOf("month"), "month", $"\"{monthText}\" is not a month; write it as YYYY-MM, e.g. 2021-04");
            month = null;
        }

        var slug = fields.Scalar("slug", required: false) ?? DefaultSlug(displayPath);
        if (!SummaryRules.IsSlug(slug))
        {
            Error(fields.LineOf("slug"), "slug", $"\"{slug}\" is not a slug; use lowercase letters, digits and hyphens");
        }

        ResearchType? researchType = null;
        var typeText = fields.Scalar("research_type", required: true);
        if (typeText is not null)
        {
            researchType = taxonomy.ResearchType(typeText);
            if (researchType is null)
            {
                Error(fields.LineOf("research_type"), "research_type",
                    $"unknown research type \"{typeText}\"; use a slug or name from taxonomy.yml");
            }
        }

        var topics = fields.Topics(taxonomy);

        var doiText = fields.Scalar("doi", required: false);
        var doi = SummaryRules.NormalizeDoi(doiText);
        if (doiText is not null && doi is null)
        {
            Error(fields.LineOf("doi"), "doi", $"\"{doiText}\" is not a DOI; a DOI looks like 10.1037/pst0000175");
        }

        var email = fields.Scalar("author_email", required: false);
        if (email is not null && !SummaryRules.IsEmail(email))
        {
            Error(fields.LineOf("author_email"), "author_email", $"\"{email}\" is not an email address");
        }

        var status = SummaryStatus.Published;
        var statusText = fields.Scalar("status", required: false);
        if (statusText is not null && !Enum.TryParse(statusText, ignoreCase: true, out status))
        {
            Error(fields.LineOf("status"), "status", $"\"{statusText}\" is not a status; use published or draft");
        }

        var published = fields.Date("published");
        var revised = fields.Date("updated");

        var studies = fields.Count("studies");
        var samples = fields.Count("samples");
        var participants = fields.Count("participants");
        var effect = fields.Scalar("effect", required: false);
        var effectSize = fields.EffectSize();
        var bottomLine = fields.Scalar("bottom_line", required: false);
        var contributor = fields.Scalar("contributor", required: false);
        var certainty = fields.Certainty();

        foreach (var (key, value, max) in new[]
        {
            ("title", title, ContentLimits.MaxTitleLength), ("citation", citation, ContentLimits.MaxCitationLength),
            ("effect", effect, ContentLimits.MaxEffectLength), ("bottom_line", bottomLine, ContentLimits.MaxBottomLineLength),
            ("contributor", contributor, ContentLimits.MaxContributorLength),
            ("certainty_note", certainty?.Note, ContentLimits.MaxCertaintyNoteLength),
        })
        {
            if (ContentLimits.LengthProblem(value, max) is { } tooLong)
            {
                Error(fields.LineOf(key), key, tooLong);
            }
        }

        if (topics.Count > ContentLimits.MaxTopics)
        {
            Error(fields.LineOf("topics"), "topics", ContentLimits.TopicsProblem);
        }

        var bodyStartLine = close + 2;
        var (body, implications, limitations) = SummaryBody.Split(lines[(close + 1)..], bodyStartLine, lines.Length, Error);

        if (errors.Count > before || title is null || citation is null || month is null || researchType is null || body is null
            || implications is null)
        {
            return null;
        }

        return new SummaryContent
        {
            Title = title,
            Month = month,
            Slug = slug,
            ResearchType = researchType,
            Topics = topics,
            Citation = citation,
            Doi = doi,
            AuthorEmail = email,
            Status = status,
            PublishedOn = published ?? SummaryRules.FirstDay(month),
            Studies = studies,
            Samples = samples,
            Participants = participants,
            Effect = effect,
            EffectSize = effectSize,
            Certainty = certainty,
            Contributor = contributor,
            RevisedOn = revised,
            BottomLineMarkdown = bottomLine ?? "",
            BodyMarkdown = body,
            ImplicationsMarkdown = implications,
            LimitationsMarkdown = limitations ?? "",
        };
    }

    private static string DefaultSlug(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return FilePrefix().Replace(name, "");
    }

    [GeneratedRegex(@"^\d{2}-")]
    private static partial Regex FilePrefix();
}
