using System.Text;

namespace PPRNet.Web.Citations;

/// <summary>RIS and BibTeX, the two formats every reference manager imports.</summary>
public static class ReferenceFormats
{
    public const string RisContentType = "application/x-research-info-systems";
    public const string BibTexContentType = "application/x-bibtex";

    public static string Ris(ApaCitation citation, string url)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var ris = new StringBuilder();
        // RIS lines end in CRLF and "ER  - " closes the record, as the format's specification says.
        void Tag(string tag, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                ris.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
            }
        }

        Tag("TY", citation.IsJournalArticle ? "JOUR" : "GEN");
        foreach (var author in citation.Authors)
        {
            Tag("AU", author);
        }

        Tag("PY", citation.YearOrEmpty);
        Tag("TI", citation.Title ?? citation.Text);
        Tag("T2", citation.Journal);
        Tag("JO", citation.Journal);
        Tag("VL", citation.Volume);
        Tag("IS", citation.Issue);
        Tag("SP", citation.FirstPage);
        Tag("EP", citation.LastPage);
        Tag("DO", citation.Doi);
        Tag("UR", citation.Doi is null ? url : $"https://doi.org/{citation.Doi}");
        if (!citation.IsJournalArticle)
        {
            Tag("N1", citation.Text);
        }

        ris.Append("ER  - \r\n");
        return ris.ToString();
    }

    public static string BibTex(ApaCitation citation, string url)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var bib = new StringBuilder();
        bib.Append('@').Append(citation.IsJournalArticle ? "article" : "misc").Append('{').Append(citation.Key()).Append(",\n");
        void Field(string name, string? value, bool protectCase = false)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                var escaped = Escape(value);
                bib.Append("  ").Append(name).Append(" = {").Append(protectCase ? "{" + escaped + "}" : escaped).Append("},\n");
            }
        }

        Field("author", citation.Authors.Count == 0 ? null : string.Join(" and ", citation.Authors));
        Field("title", citation.Title ?? citation.Text, protectCase: true);
        Field("journal", citation.Journal);
        Field("year", citation.YearOrEmpty);
        Field("volume", citation.Volume);
        Field("number", citation.Issue);
        Field("pages",
            citation.FirstPage is null ? null
            : citation.LastPage is null ? citation.FirstPage : $"{citation.FirstPage}--{citation.LastPage}");
        Field("doi", citation.Doi);
        Field("url", citation.Doi is null ? url : $"https://doi.org/{citation.Doi}");
        if (!citation.IsJournalArticle)
        {
            Field("note", citation.Text);
        }

        bib.Append("}\n");
        return bib.ToString();
    }

    private static string Escape(string value)
    {
        var escaped = new StringBuilder();
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            if (c is '&' or '%' or '$' or '#' or '_' or '{' or '}')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
