namespace PPRNet.Web.Tests.Support;

/// <summary>A running site with a small imported archive and three staff accounts (an admin and
/// two editors), for the editors' desk tests. Each test class that uses it gets its own (a class
/// fixture): its own content folder and database, written by no other class.</summary>
public sealed class StaffSite : IAsyncLifetime
{
    private readonly TestContent content = new();

    public BlogSite Site { get; private set; } = null!;

    public string ContentRoot => content.Root;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "imported-empathy", new Dictionary<string, string?>
        {
            ["title"] = "\"Imported Empathy Summary\"",
            ["topics"] = "[empathy]",
            ["doi"] = "10.1037/pst0000175",
        });
        content.WriteSummary("2021-03", "imported-alliance", new Dictionary<string, string?>
        {
            ["title"] = "\"Imported Alliance Summary\"",
            ["research_type"] = "qualitative",
            ["topics"] = "[alliance, training]",
        });
        content.Write("issues/2021-04.md", "This month: empathy.");
        Site = new BlogSite(content.Root);
        await Site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        content.Dispose();
    }
}
