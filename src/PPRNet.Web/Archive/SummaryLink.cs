namespace PPRNet.Web.Archive;

/// <summary>A link to a summary: what previous/next and "More on this topic" show, and no more.</summary>
public sealed record SummaryLink(int Id, string Month, string Slug, string Title, TaxonomyLink ResearchType)
{
    public string Url => BlogUrls.Summary(Month, Slug);
}
