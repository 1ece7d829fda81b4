using System.Globalization;
using System.Text.RegularExpressions;
using PPRNet.Web.Data;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PPRNet.Web.Import;

/// <summary>Looks up the topics and research types a summary file may name: by slug, by name, or
/// by a slug the term had before an editor renamed it.</summary>
public sealed class TaxonomyLookup
{
    private readonly Dictionary<string, Topic> topics;
    private readonly Dictionary<string, ResearchType> types;

    public TaxonomyLookup(IEnumerable<Topic> topics, IEnumerable<ResearchType> types, IEnumerable<SlugAlias>? aliases = null)
    {
        this.topics = Index(topics, aliases, TermKind.Topic);
        this.types = Index(types, aliases, TermKind.ResearchType);
    }

    /// <summary>Tracks the terms again after the import forgot its tracked rows between batches,
    /// without the summaries EF had linked to them.</summary>
    public void AttachTo(BlogDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var topic in topics.Values.Distinct())
        {
            topic.Summaries.Clear();
            db.Attach(topic);
        }

        foreach (var type in types.Values.Distinct())
        {
            type.Summaries.Clear();
            db.Attach(type);
        }
    }

    public Topic? Topic(string? key) => string.IsNullOrWhiteSpace(key) ? null : topics.GetValueOrDefault(key.Trim());
    public ResearchType? ResearchType(string? key) => string.IsNullOrWhiteSpace(key) ? null : types.GetValueOrDefault(key.Trim());

    private static Dictionary<string, T> Index<T>(IEnumerable<T> terms, IEnumerable<SlugAlias>? aliases, TermKind kind)
        where T : TaxonomyTerm
    {
        var index = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            index.TryAdd(term.Slug, term);
            index.TryAdd(term.Name, term);
        }

        // An alias with no new slug marks a deleted term: known, so never re-added, but naming nothing.
        foreach (var alias in aliases?.Where(a => a.Kind == kind && a.NewSlug.Length > 0) ?? [])
        {
            if (index.TryGetValue(alias.NewSlug, out var term))
            {
                index.TryAdd(alias.OldSlug, term);
            }
        }

        return index;
    }
}

/// <summary>Reads one summary file (YAML front matter, Markdown body split at "## Practice
/// Implications") and checks every field, reporting each problem with its line.</summary>
public static partial class SummaryFileParser
{
    private static readonly HashSet<string> KnownKeys =
    [
        "title", "month", "slug", "research_type", "topics", "citation", "doi", "author_email",
        "status", "published", "studies", "samples", "participants", "effect", "effect_size",
        "bottom_line", "contributor", "updated",
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

        var fields = ReadFields(string.Join('\n', lines[1..close]), Error);
        if (fields is null)
        {
            return null;
        }

        foreach (var (key, (_, line)) in fields)
        {
            if (!KnownKeys.Contains(key))
            {
                Error(line, key, $"unknown field; the fields are {string.Join(", ", KnownKeys)}");
            }
        }

        string? Scalar(string key, bool required)
        {
            if (!fields.TryGetValue(key, out var field))
            {
                if (required)
                {
                    Error(1, key, "missing; every summary needs one");
                }

                return null;
            }

            if (field.Node is not YamlScalarNode scalar)
            {
                Error(field.Line, key, "must be a single value, not a list");
                return null;
            }

            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                if (required)
                {
                    Error(field.Line, key, "is empty; every summary needs one");
                }

                return null;
            }

            return scalar.Value.Trim();
        }

        int LineOf(string key) => fields.TryGetValue(key, out var f) ? f.Line : 1;

        var title = Scalar("title", required: true);
        var citation = Scalar("citation", required: true);

        var monthText = Scalar("month", required: true);
        string? month = null;
        if (monthText is not null && !SummaryRules.TryParseMonth(monthText, out month))
        {
            Error(LineOf("month"), "month", $"\"{monthText}\" is not a month; write it as YYYY-MM, e.g. 2021-04");
            month = null;
        }

        var slug = Scalar("slug", required: false) ?? DefaultSlug(displayPath);
        if (!SummaryRules.IsSlug(slug))
        {
            Error(LineOf("slug"), "slug", $"\"{slug}\" is not a slug; use lowercase letters, digits and hyphens");
        }

        ResearchType? researchType = null;
        var typeText = Scalar("research_type", required: true);
        if (typeText is not null)
        {
            researchType = taxonomy.ResearchType(typeText);
            if (researchType is null)
            {
                Error(LineOf("research_type"), "research_type", $"unknown research type \"{typeText}\"; use a slug or name from taxonomy.yml");
            }
        }

        var topics = ReadTopics(fields, taxonomy, Error);

        var doiText = Scalar("doi", required: false);
        var doi = SummaryRules.NormalizeDoi(doiText);
        if (doiText is not null && doi is null)
        {
            Error(LineOf("doi"), "doi", $"\"{doiText}\" is not a DOI; a DOI looks like 10.1037/pst0000175");
        }

        var email = Scalar("author_email", required: false);
        if (email is not null && !SummaryRules.IsEmail(email))
        {
            Error(LineOf("author_email"), "author_email", $"\"{email}\" is not an email address");
        }

        var status = SummaryStatus.Published;
        var statusText = Scalar("status", required: false);
        if (statusText is not null && !Enum.TryParse(statusText, ignoreCase: true, out status))
        {
            Error(LineOf("status"), "status", $"\"{statusText}\" is not a status; use published or draft");
        }

        DateOnly? Date(string key)
        {
            var text = Scalar(key, required: false);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(LineOf(key), key, $"\"{text}\" is not a date; write it as YYYY-MM-DD");
            return null;
        }

        var published = Date("published");
        var revised = Date("updated");

        var studies = Count("studies");
        var samples = Count("samples");
        var participants = Count("participants");
        var effect = Scalar("effect", required: false);
        var effectSize = ReadEffectSize(fields, Error);
        var bottomLine = Scalar("bottom_line", required: false);
        var contributor = Scalar("contributor", required: false);

        int? Count(string key)
        {
            var value = Scalar(key, required: false);
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            Error(LineOf(key), key, $"\"{value}\" is not a whole number (write 6138, not 6,138)");
            return null;
        }

        foreach (var (key, value, max) in new[]
        {
            ("title", title, ContentLimits.MaxTitleLength), ("citation", citation, ContentLimits.MaxCitationLength),
            ("effect", effect, ContentLimits.MaxEffectLength), ("bottom_line", bottomLine, ContentLimits.MaxBottomLineLength),
            ("contributor", contributor, ContentLimits.MaxContributorLength),
        })
        {
            if (ContentLimits.LengthProblem(value, max) is { } tooLong)
            {
                Error(LineOf(key), key, tooLong);
            }
        }

        if (topics.Count > ContentLimits.MaxTopics)
        {
            Error(LineOf("topics"), "topics", ContentLimits.TopicsProblem);
        }

        var bodyStartLine = close + 2;
        var (body, implications, limitations) = SplitBody(lines[(close + 1)..], bodyStartLine, lines.Length, Error);

        if (errors.Count > before || title is null || citation is null || month is null || researchType is null || body is null || implications is null)
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
            Contributor = contributor,
            RevisedOn = revised,
            BottomLineMarkdown = bottomLine ?? "",
            BodyMarkdown = body,
            ImplicationsMarkdown = implications,
            LimitationsMarkdown = limitations ?? "",
        };
    }

    /// <summary>Reads <c>effect_size: { statistic: r, value: 0.28, ci: [0.23, 0.33], outcome: ... }</c>.</summary>
    private static EffectSize? ReadEffectSize(Dictionary<string, (YamlNode Node, int Line)> fields, Action<int, string, string> error)
    {
        if (!fields.TryGetValue("effect_size", out var field))
        {
            return null;
        }

        if (field.Node is not YamlMappingNode map)
        {
            error(field.Line, "effect_size", "must hold the fields statistic, value and optionally ci and outcome, one per indented line");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var problems = 0;
        void Problem(YamlNode at, string name, string message)
        {
            error((int)at.Start.Line + 1, $"effect_size.{name}", message);
            problems++;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name is not ("statistic" or "value" or "ci" or "outcome"))
            {
                Problem(key, name, "unknown field; the fields are statistic, value, ci, outcome");
            }
            else if (!entries.TryAdd(name, value))
            {
                Problem(key, name, "appears twice");
            }
        }

        string? Text(string name) => entries.GetValueOrDefault(name) is YamlScalarNode { Value: { } v } ? v.Trim() : null;

        var statistic = EffectStatistic.D;
        if (!EffectSize.TryParseStatistic(Text("statistic"), out statistic))
        {
            Problem(entries.GetValueOrDefault("statistic") ?? map, "statistic", "must be one of d, g, r, or (Cohen's d, Hedges' g, a correlation, an odds ratio)");
        }

        if (!EffectSize.TryParseNumber(Text("value"), out var number))
        {
            Problem(entries.GetValueOrDefault("value") ?? map, "value", "must be a number such as 0.28 or -0.39");
        }

        double? low = null, high = null;
        if (entries.TryGetValue("ci", out var ciNode))
        {
            var ends = (ciNode as YamlSequenceNode)?.Children.Select(n => (n as YamlScalarNode)?.Value).ToList();
            if (ends is not { Count: 2 } || !EffectSize.TryParseNumber(ends[0], out var l) || !EffectSize.TryParseNumber(ends[1], out var h))
            {
                Problem(ciNode, "ci", "must be two numbers, lower end first, such as [0.23, 0.33]");
            }
            else
            {
                (low, high) = (l, h);
            }
        }

        var outcome = Text("outcome");
        if (ContentLimits.LengthProblem(outcome, ContentLimits.MaxOutcomeLength) is { } tooLong)
        {
            Problem(entries["outcome"], "outcome", tooLong);
        }

        if (problems > 0)
        {
            return null;
        }

        if (EffectSize.Problem(statistic, number, low, high) is { } invalid)
        {
            error(field.Line, "effect_size", invalid);
            return null;
        }

        return new EffectSize(statistic, number, low, high, string.IsNullOrEmpty(outcome) ? null : outcome);
    }

    private static Dictionary<string, (YamlNode Node, int Line)>? ReadFields(string yaml, Action<int, string, string> error)
    {
        // The YAML starts on line 2 of the file; YamlDotNet counts lines from 1.
        const int lineOffset = 1;
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var inner = TaxonomyFile.Innermost(e);
            var at = inner is YamlException ye ? ye.Start : e.Start;
            error((int)at.Line + lineOffset, "front matter", $"invalid YAML: {inner.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, rather than a YamlException, for some unclosed
            // brackets and quotes at the end of the text; where it stopped is the best line we have.
            error((int)scanner.CurrentPosition.Line + lineOffset, "front matter",
                "invalid YAML: a bracket or quote is not closed");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error(2, "front matter", "expected fields such as \"title: ...\" between the --- lines");
            return null;
        }

        var fields = new Dictionary<string, (YamlNode, int)>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var line = (int)key.Start.Line + lineOffset;
            if (!fields.TryAdd(name, (value, line)))
            {
                error(line, name, "appears twice");
            }
        }

        return fields;
    }

    private static List<Topic> ReadTopics(Dictionary<string, (YamlNode Node, int Line)> fields, TaxonomyLookup taxonomy, Action<int, string, string> error)
    {
        var topics = new List<Topic>();
        if (!fields.TryGetValue("topics", out var field))
        {
            error(1, "topics", "missing; every summary needs at least one topic");
            return topics;
        }

        var names = field.Node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""),
            YamlScalarNode one => (one.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };

        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var topic = taxonomy.Topic(name);
            if (topic is null)
            {
                error(field.Line, "topics", $"unknown topic \"{name}\"; use a slug or name from taxonomy.yml");
            }
            else if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        if (topics.Count == 0 && !names.Any())
        {
            error(field.Line, "topics", "is empty; every summary needs at least one topic");
        }

        return topics;
    }

    private static (string? Body, string? Implications, string? Limitations) SplitBody(string[] bodyLines, int firstLine, int lastLine, Action<int, string, string> error)
    {
        var headings = bodyLines.Select((line, i) => (line, i)).Where(x => SummaryRules.ImplicationsHeading().IsMatch(x.line)).ToList();
        if (headings.Count == 0)
        {
            error(lastLine, "Practice Implications", "no \"## Practice Implications\" heading; every summary needs that section");
            return (null, null, null);
        }

        if (headings.Count > 1)
        {
            error(firstLine + headings[1].i, "Practice Implications", "the heading appears twice; keep one");
            return (null, null, null);
        }

        var at = headings[0].i;
        var limitationHeadings = bodyLines.Select((line, i) => (line, i)).Where(x => SummaryRules.LimitationsHeading().IsMatch(x.line)).ToList();
        if (limitationHeadings.Count > 1 || limitationHeadings.Any(h => h.i < at))
        {
            var wrong = limitationHeadings.Count > 1 ? limitationHeadings[1] : limitationHeadings[0];
            error(firstLine + wrong.i, "Limitations", "keep one \"## Limitations\" heading, after the Practice Implications");
            return (null, null, null);
        }

        var limitsAt = limitationHeadings.Count == 1 ? limitationHeadings[0].i : bodyLines.Length;
        var sections = new[]
        {
            ("summary", 0, at),
            ("Practice Implications", at + 1, limitsAt),
            ("Limitations", Math.Min(limitsAt + 1, bodyLines.Length), bodyLines.Length),
        };

        // Checked on the untrimmed text, so that the line of a problem is the line in the file.
        foreach (var (field, from, to) in sections)
        {
            if (ContentLimits.MarkdownProblem(string.Join('\n', bodyLines[from..to])) is { } problem)
            {
                error(firstLine + from + Math.Max(0, problem.Line), field, problem.Problem);
                return (null, null, null);
            }
        }

        var body = string.Join('\n', bodyLines[..at]).Trim();
        var implications = string.Join('\n', bodyLines[(at + 1)..limitsAt]).Trim();
        var limitations = limitsAt < bodyLines.Length ? string.Join('\n', bodyLines[(limitsAt + 1)..]).Trim() : "";
        if (body.Length == 0)
        {
            error(firstLine, "summary", "the summary text before \"## Practice Implications\" is empty");
        }

        if (implications.Length == 0)
        {
            error(firstLine + at, "Practice Implications", "the section is empty");
        }

        if (limitsAt < bodyLines.Length && limitations.Length == 0)
        {
            error(firstLine + limitsAt, "Limitations", "the section is empty; remove the heading or write the limitations");
        }

        return body.Length == 0 || implications.Length == 0 || (limitsAt < bodyLines.Length && limitations.Length == 0)
            ? (null, null, null)
            : (body, implications, limitations);
    }

    private static string DefaultSlug(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return FilePrefix().Replace(name, "");
    }

    [GeneratedRegex(@"^\d{2}-")]
    private static partial Regex FilePrefix();
}
