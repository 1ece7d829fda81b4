namespace PPRNet.Web.Data;

/// <summary>A month of the blog with its optional "This month..." intro. A month with published
/// summaries exists for readers even without a row here.</summary>
public class MonthIssue
{
    public int Id { get; set; }
    public required string Month { get; set; }
    public required string IntroMarkdown { get; set; }
    public required string IntroHtml { get; set; }
    public int RenderedWith { get; set; }
    public string? SourcePath { get; set; }
    public string? ContentHash { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Edited on the web since its last import: a changed file no longer replaces it.</summary>
    public bool EditedOnWeb { get; set; }
}
