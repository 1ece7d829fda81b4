using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>The Markdown after the front matter, split at "## Practice Implications" and an
/// optional "## Limitations" after it, each section checked with the line of its problem.</summary>
public static class SummaryBody
{
    public static (string? Body, string? Implications, string? Limitations) Split(string[] bodyLines, int firstLine, int lastLine,
        Action<int, string, string> error)
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
        var limitationHeadings = bodyLines.Select((line, i) => (line,
            i)).Where(x => SummaryRules.LimitationsHeading().IsMatch(x.line)).ToList();
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
}
