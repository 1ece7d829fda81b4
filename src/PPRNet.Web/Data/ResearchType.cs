namespace PPRNet.Web.Data;

public class ResearchType : TaxonomyTerm
{
    public List<Summary> Summaries { get; set; } = [];
}
