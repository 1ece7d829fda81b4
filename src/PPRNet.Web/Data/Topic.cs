namespace PPRNet.Web.Data;

public class Topic : TaxonomyTerm
{
    public List<Summary> Summaries { get; set; } = [];
}
