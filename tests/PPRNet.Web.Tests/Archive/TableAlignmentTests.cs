using System.Net;
using Microsoft.Data.Sqlite;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

public sealed class TableAlignmentTests
{
    [Fact]
    public async Task An_aligned_markdown_table_keeps_its_alignment_through_stylesheet_classes_and_the_page_has_no_inline_style()
    {
        using var content = new TestContent();
        content.WriteSummary("2021-04", "outcomes-by-group", new Dictionary<string, string?> { ["title"] = "\"Outcomes by Group\"" },
            body: "Results by group:\n\n| Group | n | Effect |\n|:--|:-:|--:|\n| CBT | 40 | 0.52 |\n| Wait list | 38 | 0.10 |\n\n" +
                "```csharp\nvar code = true;\n```",
            implications: "| Ask | Why |\n|--:|---|\n| Often | It helps |");
        using var site = new BlogSite(content.Root);

        var response = await site.Browser()
            .GetAsync(new Uri("/blog/2021/04/outcomes-by-group", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = page.QuerySelector(".summary-body")!;
        Assert.Equal(["align-left", "align-center", "align-right"], body.QuerySelectorAll("thead th").Select(th => th.ClassName));
        Assert.Equal(["align-left", "align-center", "align-right"],
            body.QuerySelectorAll("tbody tr:first-child td").Select(td => td.ClassName));
        Assert.Equal(["CBT", "40", "0.52"], body.QuerySelectorAll("tbody tr:first-child td").Select(td => td.Text()));
        Assert.Equal(["align-right", null], page.QuerySelectorAll(".implications td").Select(td => td.GetAttribute("class")));
        // The CSP refuses inline styles, so none may be written; and no class but the alignments survives.
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("main [style], main col"));
        Assert.All(body.QuerySelectorAll("[class]").SelectMany(e => e.ClassList),
            name => Assert.StartsWith("align-", name, StringComparison.Ordinal));

        // The stylesheet the page links to defines what the classes mean.
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var css = await site.Browser().GetStringAsync(new Uri(stylesheet, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("td.align-center, th.align-center { text-align: center; }", css, StringComparison.Ordinal);
        Assert.Contains("td.align-right, th.align-right { text-align: right; }", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_stored_with_inline_styles_by_an_older_version_is_rendered_again_with_classes_at_start_up()
    {
        using var content = new TestContent();
        content.WriteSummary("2021-04", "stored-before", new Dictionary<string, string?> { ["title"] = "\"Stored Before\"" },
            body: "| Group | Effect |\n|:--|--:|\n| CBT | 0.52 |");
        var database = AppCommand.NewDatabasePath();
        try
        {
            await using (var first = new BlogSite(content.Root, database))
            {
                Assert.Equal(HttpStatusCode.OK, (await first.GetPageAsync("/blog/2021/04/stored-before")).Response.StatusCode);
            }

            // What render version 3 stored for the same Markdown.
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "UPDATE Summaries SET RenderedWith = 3, BodyHtml = '<table>" +
                    "<thead><tr><th style=\"text-align: left\">Group</th><th style=\"text-align: right\">Effect</th></tr></thead>" +
                    "<tbody><tr><td style=\"text-align: left\">CBT</td><td style=\"text-align: right\">0.52</td></tr></tbody>" +
                    "</table>'\nWHERE Slug = 'stored-before'";
                Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            }

            await using var second = new BlogSite(content.Root, database);
            var (response, page) = await second.GetPageAsync("/blog/2021/04/stored-before");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["align-left", "align-right"], page.QuerySelectorAll(".summary-body td").Select(td => td.GetAttribute("class")));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }
        finally
        {
            AppCommand.DeleteDatabase(database);
        }
    }
}
