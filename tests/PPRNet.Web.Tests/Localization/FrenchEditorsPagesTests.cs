using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Admin;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Localization;

/// <summary>The editors' desk under /fr: every page type in French, its links and redirects kept
/// under /fr, refused forms answering in French beside the field, and numbers typed the way
/// editors type them. This class's fixture is its own; its summaries are in 2018.</summary>
public sealed partial class FrenchEditorsPagesTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    /// <summary>Interface words that would betray an untranslated page.</summary>
    private static readonly string[] EnglishWords =
    [
        "Topics", "Search", "Practice Implications", "Subscribe", "Type of research", "Previous", "Next", "Save", "Delete",
        "Sign in", "Title", "Summary", "Edit", "Dashboard",
    ];

    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task Every_editors_page_under_fr_is_in_french()
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var id = await CreateAsync(admin, "Mindfulness for Anxious Clients", "2018-06");
        // A second revision, for the comparison page.
        var (edited, _) = await admin.SubmitAsync($"/fr/admin/summaries/{id}/edit", "form.summary-form",
            new() { ["Form.BottomLine"] = "One trial found less worry; a single trial is a first signal, not proof." }, "intent=save");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var trashed = await CreateAsync(admin, "Relaxation Versus Waiting List", "2018-07");
        var (_, trashedEdit) = await admin.GetAsync($"/fr/admin/summaries/{trashed}/edit");
        await admin.SubmitAsync(trashedEdit, "form.danger-zone", new());
        var (_, taxonomy) = await admin.GetAsync("/fr/admin/taxonomy");
        var deleteTerm = taxonomy.QuerySelectorAll("a[href$='/delete']").Select(a => a.GetAttribute("href")!).First();

        string[] pages =
        [
            "/fr/admin", "/fr/admin?state=draft", "/fr/admin/summaries/new", $"/fr/admin/summaries/{id}/edit",
            $"/fr/admin/summaries/{id}/history", $"/fr/admin/summaries/{id}/diff?from=1&to=2", "/fr/admin/trash",
            "/fr/admin/taxonomy", deleteTerm, "/fr/admin/months", "/fr/admin/months/2018-06/intro", "/fr/admin/accounts",
            "/fr/admin/password", "/fr/admin/digests", "/fr/admin/digests/2021-04", "/fr/admin/digests/2021-04/send",
            "/fr/admin/subscribers", "/fr/admin/subscribers?email=nobody%40example.org", "/fr/admin/audit",
        ];
        var problems = new List<string>();
        foreach (var url in pages)
        {
            var (response, page) = await admin.GetAsync(url);
            problems.AddRange(Check(url, response, page));
        }

        var (signInResponse, signIn) = await Site.Anonymous().GetAsync("/fr/admin/sign-in");
        problems.AddRange(Check("/fr/admin/sign-in", signInResponse, signIn));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Links_and_redirects_of_a_french_editors_page_stay_in_french()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (created, _) = await editor.SubmitAsync("/fr/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("Brief Therapy for Insomnia", "2018-08"), button: "intent=save");
        var (_, edit) = await editor.FollowAsync(created);
        var (_, dashboard) = await editor.GetAsync("/fr/admin");

        Assert.Matches(@"^/fr/admin/summaries/\d+/edit$", created.Headers.Location?.OriginalString);
        Assert.Equal("«\u00a0Brief Therapy for Insomnia\u00a0» créé.", edit.Text(".flash"));
        var local = dashboard.QuerySelectorAll("main a[href^='/'], .admin-nav a[href^='/'], main form[action^='/']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")!).ToList();
        Assert.NotEmpty(local);
        Assert.All(local, href => Assert.StartsWith("/fr/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_in_from_a_french_editors_page_comes_back_to_it_in_french()
    {
        var browser = Site.Anonymous();

        var (challenge, _) = await browser.GetAsync("/fr/admin/trash");
        var (signedIn, _) = await browser.SubmitAsync(challenge.Headers.Location!.PathAndQuery, "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password });
        var (_, trash) = await browser.FollowAsync(signedIn);
        var (signedOut, _) = await browser.SubmitAsync(trash, ".admin-nav form", new());

        Assert.Equal($"/fr/admin/sign-in?ReturnUrl={Uri.EscapeDataString("/fr/admin/trash")}", challenge.Headers.Location?.PathAndQuery);
        Assert.Equal("/fr/admin/trash", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("Corbeille", trash.Text("h1"));
        Assert.Equal("/fr/", signedOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_send_time_typed_on_a_french_page_is_read_as_the_datetime_field_sends_it()
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var typed = $"{Site.Clock.Now.Year + 1}-07-01T12:00";

        var (scheduled, _) = await admin.SubmitAsync("/fr/admin/digests/2021-03", "form.schedule-form", new() { ["Form.SendAt"] = typed });
        var (_, page) = await admin.FollowAsync(scheduled);

        Assert.Equal("/fr/admin/digests/2021-03", scheduled.Headers.Location?.OriginalString);
        Assert.Equal(typed, page.Element("#Form_SendAt").GetAttribute("value"));
        Assert.StartsWith($"Programmée pour {typed.Replace('T', ' ')}", page.Text(".digest-state span"), StringComparison.Ordinal);
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var stored = await db.Digests.AsNoTracking().Where(d => d.Month == "2021-03").Select(d => d.SendAt)
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(16, stored!.Value.UtcDateTime.Hour); // noon in Toronto in July
    }

    [Fact]
    public async Task A_refused_french_form_says_why_in_french_beside_the_field_and_keeps_what_was_typed()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        const string body = "The trial found **less worry** after eight sessions.";

        var (response, page) = await editor.SubmitAsync("/fr/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("", "2018-09", ("Form.Body", body), ("Form.Studies", "douze"), ("Form.EffectValue", "beaucoup")),
            button: "intent=save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Erreur\u00a0: Nouveau résumé", page.Title, StringComparison.Ordinal);
        Assert.Equal("Il y a 3 problèmes", page.Text("#error-summary-title"));
        Assert.Equal("Saisissez le titre que verront les lecteurs.", page.ErrorFor("Form.Title"));
        Assert.Equal("La valeur «\u00a0douze\u00a0» n’est pas valide pour le champ «\u00a0Nombre d’études (k)\u00a0».",
            page.ErrorFor("Form.Studies"));
        Assert.StartsWith("Saisissez l’effet sous forme de nombre", page.ErrorFor("Form.EffectValue"), StringComparison.Ordinal);
        Assert.Equal(body, page.Value("#Form_Body"));
        Assert.Equal("douze", page.Value("#Form_Studies"));
        Assert.Equal("beaucoup", page.Value("#Form_EffectValue"));
        Assert.Equal("Nombre d’études (k)", page.Text("label[for='Form_Studies']"));
    }

    [Fact]
    public async Task Refusals_from_identity_and_the_taxonomy_are_in_french_on_french_pages()
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var editor = await Site.SignedInAsync(BlogSite.SecondEditorEmail);

        var (_, account) = await admin.SubmitAsync("/fr/admin/accounts", "form[action='/fr/admin/accounts']",
            new() { ["Form.Email"] = "nouveau@example.org", ["Form.Role"] = "Editor", ["Form.Password"] = "court" });
        var (_, password) = await editor.SubmitAsync("/fr/admin/password", "form.stacked-form",
            new() { ["Form.Current"] = "pas le bon mot de passe", ["Form.New"] = "un nouveau mot de passe assez long" });
        var (_, taxonomy) = await admin.SubmitAsync("/fr/admin/taxonomy", "form[action='/fr/admin/taxonomy/topics/add']",
            new() { ["name"] = "", ["nameFr"] = "", ["slug"] = "" });

        Assert.Equal("Le mot de passe doit compter au moins 12 caractères.", account.Text("#password-error"));
        Assert.Equal("Mot de passe incorrect.", password.ErrorFor("Form.Current"));
        Assert.Equal(["Saisissez un nom.", "Saisissez un nom français."], taxonomy.Texts("#error-summary li"));
        Assert.Equal("Il y a 2 problèmes", taxonomy.Text("#error-summary-title"));
    }

    [Fact]
    public async Task A_save_that_crossed_another_shows_the_conflict_in_french()
    {
        var first = await Site.SignedInAsync(BlogSite.EditorEmail);
        var second = await Site.SignedInAsync(BlogSite.AdminEmail);
        var id = await CreateAsync(first, "Two Editors at Once", "2019-03");
        var (_, mine) = await first.GetAsync($"/fr/admin/summaries/{id}/edit");
        var (_, theirs) = await second.GetAsync($"/fr/admin/summaries/{id}/edit");
        await second.SubmitAsync(theirs, "form.summary-form", new() { ["Form.Body"] = "Their body." }, "intent=save");

        var (response, page) = await first.SubmitAsync(mine, "form.summary-form", new() { ["Form.Body"] = "My body." }, "intent=save");

        Assert.Equal("Une autre personne a enregistré ce résumé pendant que vous le modifiiez", page.Text("h1"));
        Assert.Empty(Check($"/fr/admin/summaries/{id}/edit (conflict)", response, page));
    }

    [Fact]
    public async Task A_refused_french_sign_in_answers_in_french()
    {
        var (_, page) = await Site.Anonymous().SubmitAsync("/fr/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = "pas-une-adresse", ["Form.Password"] = "" });

        Assert.Equal("Saisissez une adresse courriel comme nom@exemple.org.", page.ErrorFor("Form.Email"));
        Assert.Equal("Saisissez votre mot de passe.", page.ErrorFor("Form.Password"));
        Assert.Equal("pas-une-adresse", page.Value("#Form_Email"));
    }

    [Theory]
    [InlineData("2018-10", "0.28", ".2", "0.4", 0.28, 0.2, 0.4)]
    [InlineData("2018-12", "0,28", "0,2", "-0,4", null, null, null)]
    [InlineData("2019-01", "0,28", "0,2", "0,4", 0.28, 0.2, 0.4)]
    [InlineData("2019-02", "−0.39", "-0.5", "-.3", -0.39, -0.5, -0.3)]
    public async Task A_french_page_reads_effect_sizes_as_editors_type_them_and_shows_them_back_as_data(
        string month, string value, string low, string high, double? storedValue, double? storedLow, double? storedHigh)
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var title = $"Effect Typed As {value} {low} {high}";

        var (response, page) = await editor.SubmitAsync("/fr/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed(title, month, ("Form.EffectValue", value), ("Form.EffectCiLow", low), ("Form.EffectCiHigh", high),
                ("Form.Studies", "12"), ("Form.PublishedOn", month + "-15")), button: "intent=save");

        if (storedValue is null)
        {
            // -0,4 as the upper end is below the value: refused, in French, with the typed text kept.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("L’intervalle de confiance doit contenir la valeur (borne inférieure d’abord).",
                page.ErrorFor("Form.EffectCiLow"));
            Assert.Equal(high, page.Value("#Form_EffectCiHigh"));
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            var stored = await db.Summaries.AsNoTracking().SingleAsync(s => s.Title == title, TestContext.Current.CancellationToken);
            Assert.Equal(storedValue, stored.EffectValue);
            Assert.Equal(storedLow, stored.EffectCiLow);
            Assert.Equal(storedHigh, stored.EffectCiHigh);
            Assert.Equal(12, stored.Studies);
            Assert.Equal(DateOnly.ParseExact(month + "-15", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                stored.PublishedOn);
        }

        var (_, edit) = await editor.FollowAsync(response);
        Assert.Equal(storedValue!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), edit.Value("#Form_EffectValue"));
        Assert.Equal(storedHigh!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), edit.Value("#Form_EffectCiHigh"));
        Assert.Equal("12", edit.Value("#Form_Studies"));
        Assert.Equal(month + "-15", edit.Value("#Form_PublishedOn"));
    }

    [Fact]
    public async Task An_english_page_still_refuses_a_decimal_comma_in_english()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (_, page) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed("Comma On An English Page", "2018-11", ("Form.EffectValue", "0,28")), button: "intent=save");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Enter the effect as a number, such as 0.28 or -0.39.", page.ErrorFor("Form.EffectValue"));
    }

    private static async Task<int> CreateAsync(Browser browser, string title, string month)
    {
        var (saved, _) = await browser.SubmitAsync("/fr/admin/summaries/new", "form.summary-form",
            SummaryFormTests.Typed(title, month), button: "intent=save");
        var location = saved.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"{title} was not saved");
        return int.Parse(SummaryId().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What is wrong with one French page: its status, its language, and any English
    /// interface word in its text or its labels for assistive technology, outside content marked lang="en".</summary>
    private static IEnumerable<string> Check(string url, HttpResponseMessage response, IHtmlDocument page)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            yield return $"{url}: {(int)response.StatusCode}";
            yield break;
        }

        if (page.DocumentElement.GetAttribute("lang") != "fr")
        {
            yield return $"{url}: <html lang=\"{page.DocumentElement.GetAttribute("lang")}\">";
        }

        foreach (var text in page.DocumentElement.GetDescendants().OfType<IText>())
        {
            if (text.ParentElement is { } parent && !IsEnglishOrCode(parent))
            {
                foreach (var word in EnglishIn(text.Data))
                {
                    yield return $"{url}: \"{word}\" in <{parent.LocalName}>: {text.Data.Trim()}";
                }
            }
        }

        foreach (var element in page.DocumentElement.GetDescendants().OfType<IElement>().Where(e => !IsEnglishOrCode(e)))
        {
            foreach (var attribute in new[] { "aria-label", "placeholder", "title" })
            {
                foreach (var word in EnglishIn(element.GetAttribute(attribute) ?? ""))
                {
                    yield return $"{url}: \"{word}\" in <{element.LocalName} {attribute}=\"{element.GetAttribute(attribute)}\">";
                }
            }
        }
    }

    private static bool IsEnglishOrCode(IElement element) =>
        element.Closest("script, style") is not null
        || element.Closest("[lang]")?.GetAttribute("lang")?.StartsWith("en", StringComparison.Ordinal) == true;

    private static IEnumerable<string> EnglishIn(string text) =>
        EnglishWords.Where(word => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(word)}(?!\w)"));

    [GeneratedRegex(@"/summaries/(\d+)/edit$")]
    private static partial Regex SummaryId();
}
