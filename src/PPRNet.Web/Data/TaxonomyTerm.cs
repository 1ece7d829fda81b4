namespace PPRNet.Web.Data;

/// <summary>What topics and research types share: a name readers see, in English and in French, a
/// slug in URLs (the same in both languages), and a retired flag that keeps a term on old summaries
/// but out of editors' pickers.</summary>
public abstract class TaxonomyTerm
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string NameFr { get; set; }
    public bool Retired { get; set; }
}
