namespace PPRNet.Web.Data;

public enum TermKind
{
    Topic = 0,
    ResearchType = 1,
}

/// <summary>A slug a topic or research type used to have, so old links and bookmarks redirect.</summary>
public class SlugAlias
{
    public int Id { get; set; }
    public TermKind Kind { get; set; }
    public required string OldSlug { get; set; }
    public required string NewSlug { get; set; }
}
