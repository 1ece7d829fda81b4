namespace PPRNet.Web.Archive;

/// <summary>A summary as it appears in lists: enough to decide whether to read it.</summary>
public sealed record SummaryCard(
    int Id,
    string Month,
    string Slug,
    string Title,
    string CitationHtml,
    string Excerpt,
    string BottomLineHtml,
    string ImplicationsHtml,
    TaxonomyLink ResearchType,
    IReadOnlyList<TaxonomyLink> Topics)
{
    public string Url => BlogUrls.Summary(Month, Slug);
}
