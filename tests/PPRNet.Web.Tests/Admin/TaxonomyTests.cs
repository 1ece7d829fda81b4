using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

/// <summary>Taxonomy changes get their own site: they rename and delete terms other tests rely on.</summary>
public sealed class TaxonomyTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private BlogSite site = null!;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "about-empathy",
            new Dictionary<string, string?> { ["title"] = "\"About Empathy\"", ["topics"] = "[empathy]" });
        content.WriteSummary("2021-04", "about-training",
            new Dictionary<string, string?> { ["title"] = "\"About Training\"", ["topics"] = "[training, alliance]" });
        site = new BlogSite(content.Root);
        await site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    private static string IdOf(AngleSharp.Html.Dom.IHtmlDocument page, string kind, string slug) =>
        page.Element($"form[action^='/admin/taxonomy/{kind}/'] input[name=slug][value='{slug}']")
            .Closest("form")!.GetAttribute("action")!.Split('/')[4];

    [Fact]
    public async Task A_renamed_topic_slug_keeps_working_as_a_redirect()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var id = IdOf(page, "topics", "empathy");

        var (renamed, _) = await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/topics/{id}/rename']",
            new() { ["name"] = "Empathy and Attunement", ["slug"] = "empathic-attunement" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var old = await site.Browser().GetAsync(new Uri("/blog?topic=empathy", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/blog?topic=empathic-attunement", old.Headers.Location?.OriginalString);
        var oldTopic = await site.Browser().GetAsync(new Uri("/topics/empathy", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/blog?topic=empathic-attunement", oldTopic.Headers.Location?.OriginalString);
        var feed = await site.Browser().GetAsync(new Uri("/feeds/topics/empathy.atom", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, feed.StatusCode);
        Assert.Equal("/feeds/topics/empathic-attunement.atom", feed.Headers.Location?.OriginalString);
        var (_, filtered) = await site.GetPageAsync("/blog?topic=empathic-attunement");
        Assert.Equal(["About Empathy"], filtered.CardTitles());
        Assert.Contains("Empathy and Attunement", filtered.Texts(".card .tag"));
    }

    [Fact]
    public async Task A_topic_in_use_cannot_be_deleted_without_moving_its_summaries()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var training = IdOf(page, "topics", "training");
        var depression = IdOf(page, "topics", "depression");

        Assert.False(page.Has($"form[action='/admin/taxonomy/topics/{training}/delete']"));
        var (refused, refusedPage) = await admin.SubmitAsync($"/admin/taxonomy/topics/{training}/delete",
            $"form[action='/admin/taxonomy/topics/{training}/delete']", new() { ["moveTo"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("\"Training\" is used by 1 summaries", refusedPage.Text("#move-to-error"), StringComparison.Ordinal);
        Assert.Equal(["About Training"], (await site.GetPageAsync("/blog?topic=training")).Html.CardTitles());

        var (moved, _) = await admin.SubmitAsync(refusedPage, $"form[action='/admin/taxonomy/topics/{training}/delete']",
            new() { ["moveTo"] = depression });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["About Training"], (await site.GetPageAsync("/blog?topic=depression")).Html.CardTitles());
        Assert.Equal(HttpStatusCode.MovedPermanently,
            (await site.Browser().GetAsync(new Uri("/blog?topic=training", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode);
    }

    [Fact]
    public async Task The_taxonomy_page_stays_the_size_of_the_taxonomy_with_hundreds_of_topics()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PPRNet.Web.Data.BlogDbContext>();
            db.Topics.AddRange(Enumerable.Range(0, 300)
                .Select(i => new PPRNet.Web.Data.Topic
                {
                    Slug = $"bulk-topic-{i:D3}",
                    Name = $"Bulk topic {i:D3}",
                    NameFr = $"Sujet en nombre {i:D3}",
                }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var depression = IdOf(page, "topics", "depression");
        var (_, delete) = await admin.GetAsync($"/admin/taxonomy/topics/{depression}/delete");

        Assert.Empty(page.QuerySelectorAll("option"));
        Assert.Contains("Bulk topic 299", page.Body!.TextContent, StringComparison.Ordinal);
        var options = delete.QuerySelectorAll("select[name=moveTo] option").Select(o => o.TextContent).ToList();
        Assert.Contains("Bulk topic 000", options);
        Assert.DoesNotContain("Depression and Depressive Symptoms", options);
    }

    [Fact]
    public async Task A_refused_new_topic_keeps_what_was_typed_and_says_why_beside_the_slug()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);

        var (refused, page) = await admin.SubmitAsync("/admin/taxonomy", "form[action='/admin/taxonomy/topics/add']",
            new() { ["name"] = "Placebo Effect", ["nameFr"] = "Effet placebo", ["slug"] = "Not A Slug!" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Placebo Effect", page.Element("#topics-new_name").GetAttribute("value"));
        Assert.Equal("Not A Slug!", page.Element("#topics-new_slug").GetAttribute("value"));
        Assert.Contains("is not a slug", page.Text("#topics-new_slug-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.Element("#topics-new_slug").GetAttribute("aria-invalid"));
        Assert.False(page.Has("#topics-new_name-error"));
        Assert.False(page.Has("#types-new_slug-error"));
        Assert.Equal("#topics-new_slug", page.Element("#error-summary a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_rename_to_a_slug_in_use_is_refused_beside_that_row_and_the_other_rows_are_untouched()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var depression = IdOf(page, "topics", "depression");
        var training = IdOf(page, "topics", "training");

        var (refused, after) = await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/topics/{depression}/rename']",
            new() { ["name"] = "Low Mood", ["slug"] = "training" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("The slug \"training\" is already in use.", after.Text($"#topics-{depression}_slug-error"));
        Assert.Equal("Low Mood", after.Element($"#topics-{depression}_name").GetAttribute("value"));
        Assert.Equal("training", after.Element($"#topics-{training}_slug").GetAttribute("value"));
        Assert.False(after.Has($"#topics-{training}_slug-error"));
        Assert.Contains("Depression", (await site.GetPageAsync("/topics")).Html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_type_is_no_longer_offered_in_the_summary_form_and_a_new_topic_is()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var qualitative = IdOf(page, "types", "qualitative");

        await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/types/{qualitative}/retire']", []);
        await admin.SubmitAsync("/admin/taxonomy", "form[action='/admin/taxonomy/topics/add']",
            new() { ["name"] = "Placebo Effect", ["nameFr"] = "Effet placebo", ["slug"] = "" });

        var (_, form) = await admin.GetAsync("/admin/summaries/new");
        Assert.DoesNotContain("qualitative", form.QuerySelectorAll("#Form_ResearchType option").Select(o => o.GetAttribute("value")));
        Assert.Contains("placebo-effect", form.QuerySelectorAll("input[name='Form.Topics']").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task A_deleted_unused_topic_is_not_brought_back_by_the_next_import()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var depression = IdOf(page, "topics", "depression");

        await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/topics/{depression}/delete']", []);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PPRNet.Web.Import.ContentImporter>()
                .ImportAsync(content.Root, TestContext.Current.CancellationToken);
        }

        var (_, after) = await admin.GetAsync("/admin/taxonomy");
        Assert.False(after.Has("form[action^='/admin/taxonomy/topics/'] input[name=slug][value='depression']"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/blog?topic=depression")).Response.StatusCode);
    }

    [Fact]
    public async Task A_new_topic_is_saved_with_its_french_name_and_the_page_shows_it_in_a_french_field()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);

        var (added, _) = await admin.SubmitAsync("/admin/taxonomy", "form[action='/admin/taxonomy/topics/add']",
            new() { ["name"] = "Client Preferences", ["nameFr"] = "  Préférences du client ", ["slug"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var french = page.Element($"#topics-{IdOf(page, "topics", "client-preferences")}_nameFr");
        Assert.Equal(("Préférences du client", "fr"), (french.GetAttribute("value"), french.GetAttribute("lang")));
        Assert.Equal("French name", page.Text("label[for='topics-new_nameFr']"));
        Assert.Equal("fr", page.Element("#topics-new_nameFr").GetAttribute("lang"));
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PPRNet.Web.Data.BlogDbContext>();
        var topic = await db.Topics.SingleAsync(t => t.Slug == "client-preferences", TestContext.Current.CancellationToken);
        Assert.Equal(("Client Preferences", "Préférences du client"), (topic.Name, topic.NameFr));
    }

    [Fact]
    public async Task A_renamed_french_name_is_saved_and_shown_while_the_english_name_and_slug_stay()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var trial = IdOf(page, "types", "randomized-controlled-trial");

        var (renamed, _) = await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/types/{trial}/rename']",
            new() { ["nameFr"] = "Essai clinique randomisé" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var (_, after) = await admin.GetAsync("/admin/taxonomy");
        Assert.Equal("Essai clinique randomisé", after.Element($"#types-{trial}_nameFr").GetAttribute("value"));
        Assert.Equal("Randomized controlled trial", after.Element($"#types-{trial}_name").GetAttribute("value"));
        Assert.Equal("randomized-controlled-trial", after.Element($"#types-{trial}_slug").GetAttribute("value"));
    }

    [Fact]
    public async Task A_blank_french_name_is_refused_beside_its_field_and_keeps_the_typed_english_name()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);

        var (refused, page) = await admin.SubmitAsync("/admin/taxonomy", "form[action='/admin/taxonomy/topics/add']",
            new() { ["name"] = "Placebo Effect", ["nameFr"] = "   ", ["slug"] = "placebo-effect" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Enter a French name.", page.Text("#topics-new_nameFr-error"));
        Assert.Equal("true", page.Element("#topics-new_nameFr").GetAttribute("aria-invalid"));
        Assert.Equal("Placebo Effect", page.Element("#topics-new_name").GetAttribute("value"));
        Assert.Equal("placebo-effect", page.Element("#topics-new_slug").GetAttribute("value"));
        Assert.False(page.Has("#topics-new_name-error"));
        Assert.False(page.Has("#topics-new_slug-error"));
        Assert.Equal("#topics-new_nameFr", page.Element("#error-summary a").GetAttribute("href"));
        Assert.False(page.Has("form[action$='/rename'] input[name=slug][value='placebo-effect']"));
    }

    [Fact]
    public async Task A_rename_with_a_blank_french_name_is_refused_beside_that_row_and_keeps_the_typed_english_name()
    {
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, page) = await admin.GetAsync("/admin/taxonomy");
        var empathy = IdOf(page, "topics", "empathy");

        var (refused, after) = await admin.SubmitAsync(page, $"form[action='/admin/taxonomy/topics/{empathy}/rename']",
            new() { ["name"] = "Empathy and Attunement", ["nameFr"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Enter a French name.", after.Text($"#topics-{empathy}_nameFr-error"));
        Assert.Equal("Empathy and Attunement", after.Element($"#topics-{empathy}_name").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(after.Element($"#topics-{empathy}_nameFr").GetAttribute("value")), "the blank typed is kept");
        var (_, again) = await admin.GetAsync("/admin/taxonomy");
        Assert.Equal("Empathy", again.Element($"#topics-{empathy}_name").GetAttribute("value"));
        Assert.Equal("Empathie", again.Element($"#topics-{empathy}_nameFr").GetAttribute("value"));
    }
}
