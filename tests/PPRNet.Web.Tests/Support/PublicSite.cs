using System.Globalization;

namespace PPRNet.Web.Tests.Support;

/// <summary>A running site whose archive is known exactly: two April 2021 summaries with an intro,
/// a draft, two scheduled summaries and thirty older summaries on depression for paging. The
/// public-page classes share it (a collection fixture) only to read: none of them signs in, saves,
/// or moves its clock; a class that writes starts a site of its own.</summary>
public sealed class PublicSite : IAsyncLifetime
{
    public const int PublishedCount = 32;
    public const int DepressionMetaAnalyses = 24;

    private readonly TestContent content = new();

    public BlogSite Site { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "mindful-empathy", new Dictionary<string, string?>
        {
            ["title"] = "\"Mindfulness and Empathy in Therapists\"",
            ["topics"] = "[empathy, training]",
            ["citation"] = "\"Cooper, D., Yap, K., O'Brien, M., & Scott, I. (2020). Mindfulness and empathy. "
                + "*Mindfulness, 11*(10), 2243–2257.\"",
            ["doi"] = "\"10.1007/s12671-020-01425-3\"",
            ["author_email"] = "author@example.org",
            ["studies"] = "22",
            ["participants"] = "1500",
            ["effect"] = "\"r = .27, 95% CI [.09, .44]\"",
            ["published"] = "2021-04-01",
        },
        body: "Mindful therapists took other people's perspective more readily.",
        implications: "Ask clients how well they feel understood.");
        content.WriteSummary("2021-04", "alliance-voices", new Dictionary<string, string?>
        {
            ["title"] = "\"What Clients Say About the Alliance\"",
            ["research_type"] = "qualitative",
            ["topics"] = "[alliance]",
            ["published"] = "2021-04-10",
        }, body: "Clients described the relationship in their own words.", implications: "Invite feedback on the relationship.");
        content.WriteSummary("2021-04", "secret-draft", new Dictionary<string, string?>
        {
            ["title"] = "\"Secret Draft Summary\"",
            ["status"] = "draft",
        });
        content.WriteSummary("2021-04", "scheduled-in-april", new Dictionary<string, string?>
        {
            ["title"] = "\"Scheduled April Summary\"",
            ["published"] = "2999-05-01",
        });
        content.WriteSummary("2030-01", "future-summary", new Dictionary<string, string?>
        {
            ["title"] = "\"Scheduled Future Summary\"",
            ["published"] = "2999-01-01",
        });
        content.Write("issues/2021-04.md", "This month we read about *empathy* and the alliance.");
        content.Write("issues/2030-01.md", "An intro for a month that has not come yet.");

        for (var i = 0; i < 30; i++)
        {
            var month = new DateOnly(2018, 1, 1).AddMonths(i / 2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            content.WriteSummary(month, $"filler-{i:D2}", new Dictionary<string, string?>
            {
                ["title"] = $"\"Filler Study {i:D2}\"",
                ["research_type"] = i % 5 == 0 ? "randomized-controlled-trial" : "meta-analysis",
                ["topics"] = i % 3 == 0 ? "[depression, empathy]" : "[depression]",
            });
        }

        Site = new BlogSite(content.Root);
        _ = Site.Server; // start the host (migrate and import) before the first test
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        content.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PublicSiteCollection : ICollectionFixture<PublicSite>
{
    public const string Name = "public site";
}
