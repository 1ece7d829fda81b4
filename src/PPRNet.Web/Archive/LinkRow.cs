namespace PPRNet.Web.Archive;

/// <summary>A row of a link to a summary: what a previous/next or related link shows.</summary>
internal sealed class LinkRow
{
    public int Rank { get; set; }
    public int Id { get; set; }
    public string Month { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int ResearchTypeId { get; set; }

    public SummaryLink ToLink(Taxonomy taxonomy) =>
        new(Id, Month, Slug, Title, taxonomy.TypeById(ResearchTypeId)?.Link ?? new TaxonomyLink("", ""));
}
