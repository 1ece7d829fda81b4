using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace PPRNet.Web.Tests.Support;

/// <summary>The whole site over a real SQLite file, importing a content folder at start-up as in
/// production; requests go through the real HTTP pipeline.</summary>
public class BlogSite : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"{Guid.NewGuid():N}.db");

    public BlogSite(string contentPath) => ContentPath = contentPath;

    public string ContentPath { get; }

    public string DatabasePath => databasePath;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Blog"] = $"Data Source={databasePath}",
        ["Content:Path"] = ContentPath,
        ["Content:ImportOnStartup"] = "true",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetPageAsync(string url)
    {
        var response = await Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, await new HtmlParser().ParseDocumentAsync(text));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
