using System.Globalization;
using System.Text;
using PPRNet.Web.Import;

namespace PPRNet.Web.Summaries;

/// <summary>Bounds on what one summary may hold, shared by the importer and the forms, so no single
/// file or post can take the importer, the Markdown pipeline or search down with it.</summary>
public static class ContentLimits
{
    /// <summary>Per Markdown field (summary, Practice Implications, month intro): about 100 KB,
    /// some twenty times the longest summary in the archive.</summary>
    public const int MaxMarkdownLength = 100_000;

    public const int MaxTitleLength = 300;
    public const int MaxCitationLength = 2_000;
    public const int MaxEffectLength = 300;
    public const int MaxBottomLineLength = 600;
    public const int MaxOutcomeLength = 200;
    public const int MaxContributorLength = 200;
    public const int MaxCertaintyNoteLength = 1000;
    public const int MaxTopics = 12;

    /// <summary>A topic's or research type's slug (and the aliases left by renaming one) and each of its names,
    /// English and French.</summary>
    public const int MaxTermSlugLength = 80;
    public const int MaxTermNameLength = 120;

    /// <summary>Checked from the file's length before it is read.</summary>
    public const long MaxFileBytes = 512 * 1024;

    /// <summary>Quotes and lists nested deeper than this are refused before Markdig sees them;
    /// Markdig itself gives up at 128 levels, after a long time at a few thousand.</summary>
    public const int MaxNesting = 32;

    /// <summary>" (line N)" for a problem on one line of a form field; nothing for the field as a whole.</summary>
    public static string LineNote(int line) => line >= 0 ? $" (line {line + 1})" : "";

    /// <summary>The first problem of a Markdown field with the 0-based line it is on (-1 for the
    /// field as a whole), or null.</summary>
    public static (int Line, string Problem)? MarkdownProblem(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return null;
        }

        if (markdown.Length > MaxMarkdownLength)
        {
            return (-1,
                $"is {markdown.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; "
                + $"the limit is {MaxMarkdownLength.ToString("N0", CultureInfo.InvariantCulture)} (about 100 KB)");
        }

        var line = 0;
        var start = 0;
        while (start <= markdown.Length)
        {
            var end = markdown.IndexOf('\n', start);
            if (end < 0)
            {
                end = markdown.Length;
            }

            if (Nesting(markdown.AsSpan(start, end - start)) > MaxNesting)
            {
                return (line, $"nests quotes (>) or lists more than {MaxNesting} levels deep; flatten it");
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    /// <summary>An upper bound of a line's block nesting: each quote or list marker at its start is
    /// one level, and so is every two columns of indentation (how nested lists are written).</summary>
    private static int Nesting(ReadOnlySpan<char> line)
    {
        var levels = 0;
        var columns = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4;
                i++;
            }
            else if (c == '>')
            {
                levels++;
                i++;
            }
            else if (c is '-' or '*' or '+' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t'))
            {
                levels++;
                i++;
            }
            else if (char.IsAsciiDigit(c) && OrderedMarkerLength(line[i..]) is > 0 and var length)
            {
                levels++;
                i += length;
            }
            else
            {
                break;
            }
        }

        return levels + (columns / 2);
    }

    private static int OrderedMarkerLength(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits < text.Length && text[digits] is '.' or ')' && (digits + 1 == text.Length || text[digits + 1] is ' ' or '\t')
            ? digits + 1
            : 0;
    }

    public static string? LengthProblem(string? text, int max) =>
        text is not null && text.Length > max
            ? $"is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; "
                + $"the limit is {max.ToString("N0", CultureInfo.InvariantCulture)}"
            : null;

    public static string TopicsProblem => $"names more than {MaxTopics} topics; choose the {MaxTopics} that fit best";

    /// <summary>Null when the file may be read; otherwise the error that names it.</summary>
    public static ImportError? FileProblem(string path, string display)
    {
        var length = new FileInfo(path).Length;
        return length > MaxFileBytes
            ? new ImportError(display, 0, "file", $"is {length / 1024} KB; the limit is {MaxFileBytes / 1024} KB per file")
            : null;
    }

    /// <summary>Control characters (other than tab, newline and carriage return) come from pasting
    /// out of PDFs and word processors; they are invisible, and XML (feeds, sitemaps) cannot carry
    /// them, so the save path removes them.</summary>
    public static string RemoveControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(ControlCharacters))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!ControlCharacters.Contains(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? RemoveControlCharactersOrNull(string? text) => text is null ? null : RemoveControlCharacters(text);

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c)
            .Append('\u007F').Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))
            .Append('\uFFFE').Append('\uFFFF').ToArray());
}
