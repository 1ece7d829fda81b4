using System.Text;
using System.Text.RegularExpressions;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Citations;

/// <summary>A reference as reference managers want it, read from the APA citation we hold
/// (journal and volume in *italics*, as APA writes them) plus our DOI field, which is the source
/// of truth for the DOI whatever the citation text says. Parsed once, when a summary is saved or
/// imported (<see cref="SummaryWriter"/>), and stored in its columns beside the rendered
/// HTML; pages rebuild it from those (<see cref="Stored"/>). A change to how it parses should
/// raise <see cref="MarkdownRenderer.RenderVersion"/>, so that start-up renders, and so
/// parses, every stored summary again.</summary>
public sealed partial record ApaCitation
{
    public required IReadOnlyList<string> Authors { get; init; }
    public string? Year { get; init; }
    public string? Title { get; init; }
    public string? Journal { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? FirstPage { get; init; }
    public string? LastPage { get; init; }
    public string? Doi { get; init; }

    /// <summary>The plain citation, for managers to keep when the parts could not be read.</summary>
    public required string Text { get; init; }

    public bool IsJournalArticle => Journal is not null;

    public string? Pages => FirstPage is null ? null : LastPage is null ? FirstPage : $"{FirstPage}–{LastPage}";

    /// <summary>The parts a save stored (<see cref="Parse"/>'s result), with the summary's DOI and
    /// plain citation; used inside EF projections, so it only assembles.</summary>
    public static ApaCitation Stored(IReadOnlyList<string> authors, string? year, string? title, string? journal, string? volume,
        string? issue, string? firstPage, string? lastPage, string? doi, string text) => new()
        {
            Authors = authors,
            Year = year,
            Title = title,
            Journal = journal,
            Volume = volume,
            Issue = issue,
            FirstPage = firstPage,
            LastPage = lastPage,
            Doi = doi,
            Text = text,
        };

    public static ApaCitation Parse(string citationMarkdown, string citationText, string? doi)
    {
        ArgumentNullException.ThrowIfNull(citationMarkdown);
        ArgumentNullException.ThrowIfNull(citationText);
        var head = Head().Match(citationMarkdown);
        var authors = head.Success ? ReadAuthors(head.Groups["authors"].Value) : [];
        var year = head.Success ? head.Groups["year"].Value : null;
        var rest = head.Success ? citationMarkdown[(head.Index + head.Length)..] : citationMarkdown;

        string? title = null, journal = null, volume = null, issue = null, first = null, last = null;
        var source = Source().Match(rest);
        if (source.Success)
        {
            title = Clean(source.Groups["title"].Value).TrimEnd('.');
            var italic = source.Groups["italic"].Value.Trim().TrimEnd(',');
            var volumeAt = VolumeAtEnd().Match(italic);
            journal = Clean(volumeAt.Success ? italic[..volumeAt.Index] : italic).TrimEnd(',', ' ');
            volume = volumeAt.Success ? volumeAt.Groups["volume"].Value : null;
            // What follows the italics: "(issue), first–last." or, when APA's italics stop at the
            // journal, ", volume(issue), first–last."
            var after = source.Groups["after"].Value;
            var looseVolume = volume is null ? LooseVolume().Match(after) : Match.Empty;
            if (looseVolume.Success)
            {
                volume = looseVolume.Groups["volume"].Value;
                after = after[looseVolume.Length..];
            }

            var issueMatch = IssueFirst().Match(after);
            issue = issueMatch.Success ? issueMatch.Groups["issue"].Value : null;
            after = after[(issueMatch.Success ? issueMatch.Length : 0)..];

            var pages = PageRange().Match(after);
            if (pages.Success)
            {
                first = pages.Groups["first"].Value;
                last = pages.Groups["last"].Success ? pages.Groups["last"].Value : null;
            }
        }
        else if (head.Success && PlainSource().Match(rest) is { Success: true } plain)
        {
            // A journal citation pasted as plain text: "Title. Journal, 55(4), 303–315."
            title = Clean(plain.Groups["title"].Value).TrimEnd('.');
            journal = Clean(plain.Groups["journal"].Value);
            volume = plain.Groups["volume"].Value;
            issue = plain.Groups["issue"].Success ? plain.Groups["issue"].Value : null;
            first = plain.Groups["first"].Success ? plain.Groups["first"].Value : null;
            last = plain.Groups["last"].Success ? plain.Groups["last"].Value : null;
        }
        else if (head.Success)
        {
            title = Clean(rest).Trim().TrimEnd('.');
        }

        return new ApaCitation
        {
            Authors = authors,
            Year = year,
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Journal = string.IsNullOrWhiteSpace(journal) ? null : journal,
            Volume = volume,
            Issue = issue,
            FirstPage = first,
            LastPage = last,
            Doi = doi,
            Text = citationText,
        };
    }

    private static List<string> ReadAuthors(string text) =>
        Author().Matches(text).Select(m => $"{m.Groups["last"].Value.Trim()}, {m.Groups["initials"].Value.Trim()}").ToList();

    private static string Clean(string markdown) => markdown.Replace("*", "", StringComparison.Ordinal).Trim();

    /// <summary>"Surname, I. I." split into what citation_author and RIS expect.</summary>
    public static (string Last, string Initials) Split(string author)
    {
        ArgumentNullException.ThrowIfNull(author);
        var comma = author.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (author, "") : (author[..comma], author[(comma + 1)..].Trim());
    }

    /// <summary>A BibTeX key such as "cooper2020mindfulness".</summary>
    public string Key()
    {
        var last = Authors.Count > 0 ? Split(Authors[0]).Last : "pprnet";
        var word = (Title ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.Length > 3 && !StopWords.Contains(w.ToLowerInvariant())) ?? "";
        return Ascii(last) + (Year ?? "") + Ascii(word);
    }

    private static readonly HashSet<string> StopWords = ["the", "and", "with", "from", "into", "does", "what", "when"];

    private static string Ascii(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public string YearOrEmpty => Year is null ? "" : Year[..Math.Min(4, Year.Length)];

    [GeneratedRegex(@"^(?<authors>.+?)\s*\((?<year>\d{4}[a-z]?)(?:,[^)]*)?\)\.\s*")]
    private static partial Regex Head();

    [GeneratedRegex(@"^(?<title>.+?[.?!])\s*\*(?<italic>[^*]+)\*(?<after>.*)$")]
    private static partial Regex Source();

    /// <summary>The end of a plain-text journal citation: the title up to its last full stop,
    /// question or exclamation mark, then "Journal, volume(issue), pages." and perhaps a DOI. A book
    /// chapter ("In ... (Ed.), Book (pp. 1–20). Publisher.") or a report does not end this way.</summary>
    [GeneratedRegex(@"^(?<title>.+[.?!])\s+(?<journal>[^.?!()]+?),\s*(?<volume>\d+)\s*(?:\((?<issue>[^)]+)\))?"
        + @"(?:,\s*(?:[Aa]rticle\s+)?(?<first>[A-Za-z]?\d+)\s*(?:[–—-]\s*(?<last>[A-Za-z]?\d+))?)?"
        + @"\.?\s*(?:(?:https?://|doi:)\S+)?\s*$")]
    private static partial Regex PlainSource();

    [GeneratedRegex(@",?\s*(?<volume>\d+)\s*$")]
    private static partial Regex VolumeAtEnd();

    [GeneratedRegex(@"^\s*\((?<issue>[^)]+)\)")]
    private static partial Regex IssueFirst();

    [GeneratedRegex(@"^\s*,\s*(?<volume>\d+)(?=\s*[,(])")]
    private static partial Regex LooseVolume();

    [GeneratedRegex(@"^\s*,\s*(?:pp?\.\s*)?(?<first>[A-Za-z]?\d+)\s*(?:[–—-]\s*(?<last>[A-Za-z]?\d+))?")]
    private static partial Regex PageRange();

    [GeneratedRegex(@"(?:&\s*)?(?<last>[^,&]+?),\s*(?<initials>(?:\p{Lu}[\p{Ll}]?\.[\s-]*)+)")]
    private static partial Regex Author();
}
