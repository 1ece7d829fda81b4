namespace PPRNet.Web.Data;

public class ResearchType
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Summary> Summaries { get; set; } = [];
}
