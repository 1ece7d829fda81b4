using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Localization;
using PPRNet.Web.Mail;
using PPRNet.Web.Tests.Localization;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Mail;

/// <summary>Readers choose the language of their mail; every mail (confirmation, digest, preferences
/// link, an editor's test) arrives at a real SMTP server in that language, its links to the pages in
/// that language, the summaries' own English marked as such.</summary>
[Collection(MailCollection.Name)]
public sealed class FrenchMailTests(Smtp4dev smtp)
{
    private const string Nbsp = "\u00a0";

    /// <summary>Subscribes on the French page, confirms from the French mail, and returns that mail.</summary>
    private async Task<MimeKit.MimeMessage> ConfirmedInFrenchAsync(MailSite site, string email, params string[] topics)
    {
        var form = new Dictionary<string, object?> { ["Form.Email"] = email };
        if (topics.Length > 0)
        {
            form["Form.Topics"] = topics;
        }

        var (response, _) = await site.Anonymous().SubmitAsync("/fr/subscribe", "main form.stacked-form", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/fr/subscribe/check-your-inbox", response.Headers.Location!.OriginalString);
        var confirmation = await MailSteps.OnlyMessageToAsync(smtp, email);
        var (opened, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(confirmation.TextBody, "/fr/subscribe/confirm"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var (confirmed, done) = await site.Anonymous().SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Vous êtes abonné", done.Text("h1"));
        Assert.Equal(SubscriberStatus.Confirmed, await site.StatusOfAsync(email));
        return confirmation;
    }

    private static Task<string> LanguageOfAsync(MailSite site, string email) =>
        site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Language)
            .SingleAsync(TestContext.Current.CancellationToken));

    private static IHtmlDocument Parse(string? html) => new HtmlParser().ParseDocument(html ?? "");

    [Fact]
    public async Task Subscribing_on_the_french_page_stores_french_and_the_confirmation_arrives_in_french_with_french_links()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"lecteur@{MailSteps.NewDomain()}";

        var confirmation = await ConfirmedInFrenchAsync(site, email);

        Assert.Equal("fr", await LanguageOfAsync(site, email));
        Assert.Equal("Confirmez votre abonnement au Blogue de recherche du PPRNet", confirmation.Subject);
        Assert.Contains("Le lien est valide pendant 7 jours.", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Confirmez votre abonnement{Nbsp}: http://localhost/fr/subscribe/confirm?token=", confirmation.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("http://localhost/fr/", confirmation.TextBody, StringComparison.Ordinal);
        var html = Parse(confirmation.HtmlBody);
        Assert.Equal("fr", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Veuillez confirmer votre abonnement", html.Text("h1"));
        Assert.Equal("Confirmer mon abonnement", html.QuerySelector("a[href*='/subscribe/confirm']")!.Text());
        Assert.All(html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!),
            href => Assert.StartsWith("http://localhost/fr/", href, StringComparison.Ordinal));
        var english = FrenchText.EnglishWordsIn(FrenchText.VisibleOutsideEnglish(html.Body!) + confirmation.Subject);
        Assert.True(english.Count == 0, $"The confirmation shows English: {string.Join(", ", english)}");

        // The consent on record is the wording the French page showed.
        var consent = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.ConsentWording)
            .SingleAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Envoyez-moi l’infolettre mensuelle", consent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_form_on_a_french_page_subscribes_in_french_and_an_english_reader_can_still_choose_french()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        string footer = $"pied@{domain}", chooser = $"chooser@{domain}", english = $"english@{domain}";
        var (_, month) = await site.GetPageAsync("/fr/blog/2021/04");
        var (response, _) = await site.Anonymous().SubmitAsync(month, "footer form", new() { ["Form.Email"] = footer });
        Assert.Equal("/fr/subscribe/check-your-inbox", response.Headers.Location!.OriginalString);
        await site.Anonymous().SubmitAsync("/subscribe", "main form.stacked-form",
            new() { ["Form.Email"] = chooser, ["Form.Language"] = "fr" });
        await MailSteps.SubscribeAsync(site, english);

        Assert.Equal("fr", await LanguageOfAsync(site, footer));
        Assert.Equal("/fr/blog/2021/04", await site.DbAsync(db => db.Subscribers.Where(s => s.Email == footer)
            .Select(s => s.ConsentPage).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Equal("fr", await LanguageOfAsync(site, chooser));
        Assert.Equal("en", await LanguageOfAsync(site, english));
        Assert.StartsWith("Confirmez", (await MailSteps.OnlyMessageToAsync(smtp, footer)).Subject, StringComparison.Ordinal);
        Assert.StartsWith("Confirmez", (await MailSteps.OnlyMessageToAsync(smtp, chooser)).Subject, StringComparison.Ordinal);
        var englishMail = await MailSteps.OnlyMessageToAsync(smtp, english);
        Assert.Equal("Confirm your subscription to the PPRNet Research Blog", englishMail.Subject);
        Assert.DoesNotContain("/fr/", englishMail.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", Parse(englishMail.HtmlBody).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_french_readers_digest_is_french_around_english_summaries_and_its_unsubscribe_header_opens_the_french_page()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var domain = MailSteps.NewDomain();
        string french = $"francais@{domain}", english = $"anglais@{domain}";
        await ConfirmedInFrenchAsync(site, french);
        await MailSteps.ConfirmedAsync(site, smtp, english);

        // One send, both languages in the same batch: neither reads the other's edition.
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        await admin.SubmitAsync("/admin/digests/2021-04/send", "form.send-form", []);
        var digests = await smtp.WaitForAsync(domain, 2, filter: m => m.Message.Subject!.Contains("2021", StringComparison.Ordinal));
        var digest = digests.Single(m => m.Envelope.Contains(french)).Message;
        var englishDigest = digests.Single(m => m.Envelope.Contains(english)).Message;

        Assert.Equal($"Blogue de recherche du PPRNet{Nbsp}: avril 2021 - Mindfulness and Empathy in Therapists et 1 de plus",
            digest.Subject);
        Assert.StartsWith("<http://localhost/fr/subscribe/unsubscribe?token=", digest.Headers["List-Unsubscribe"],
            StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);

        var html = Parse(digest.HtmlBody);
        var body = html.Body!;
        Assert.Equal("fr", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"Résumés de recherche{Nbsp}: avril 2021", html.Text("h1"));
        Assert.Contains("ne sont rédigés qu’en anglais", body.Text(), StringComparison.Ordinal);
        Assert.Equal(["Implications pour la pratique", "Implications pour la pratique"], html.Texts("h3"));
        Assert.Contains("Méta-analyse", body.Text(), StringComparison.Ordinal);
        Assert.Contains("Étude qualitative", body.Text(), StringComparison.Ordinal);
        Assert.Contains("Certitude très faible.", body.Text(), StringComparison.Ordinal);
        // The effect is written as the facts box on the French page writes it; what it relates stays the summary's English.
        Assert.Contains("r = 0,27, IC à 95\u00a0% [0,09\u202f; 0,44] (mindfulness and empathy)\u00a0: une association de taille",
            digest.TextBody, StringComparison.Ordinal);
        Assert.Single(html.QuerySelectorAll("span[lang='en']"), s => s.TextContent == "mindfulness and empathy");
        // The summaries' own words are English, and marked so.
        Assert.All(html.QuerySelectorAll("h2"), h2 => Assert.Equal("en", h2.GetAttribute("lang")));
        foreach (var englishText in new[] { "Mindfulness and Empathy in Therapists", "Ask clients how well they feel understood.",
            "Therapists who rated themselves as more mindful", "Cooper, D., &", "One-time self-reports", "This month we read about" })
        {
            var holder = body.Descendants<AngleSharp.Dom.IText>().First(t => t.Data.Contains(englishText, StringComparison.Ordinal));
            Assert.True(holder.ParentElement!.Closest("[lang]")!.GetAttribute("lang") == "en",
                $"“{englishText}” is not marked English");
        }

        var shown = FrenchText.EnglishWordsIn(FrenchText.VisibleOutsideEnglish(body));
        Assert.True(shown.Count == 0, $"The digest shows English: {string.Join(", ", shown)}");

        // Every link goes to a French page, and each one answers.
        var links = MailSteps.AllLinks(digest.TextBody!);
        Assert.Contains("http://localhost/fr/blog/2021/04", links);
        Assert.Contains("http://localhost/fr/blog/2021/04/alliance-voices", links);
        Assert.All(html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!),
            href => Assert.StartsWith("http://localhost/fr/", href, StringComparison.Ordinal));
        foreach (var link in links)
        {
            Assert.StartsWith("http://localhost/fr/", link, StringComparison.Ordinal);
            var (response, _) = await MailSteps.FollowAsync(site, link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {response.StatusCode}");
        }

        Assert.Contains("Implications pour la pratique\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Lire le résumé complet{Nbsp}: http://localhost/fr/blog/2021/04/", digest.TextBody, StringComparison.Ordinal);

        // The header's address opens the French page, which unsubscribes.
        var unsubscribe = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var (opened, page) = await MailSteps.FollowAsync(site, unsubscribe);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Vous désabonner de l’infolettre\u202f?", page.Text("h1"));
        var words = FrenchText.EnglishWordsIn(FrenchText.OfPage(page));
        Assert.True(words.Count == 0, $"The unsubscribe page shows English: {string.Join(", ", words)}");
        var (left, done) = await site.Anonymous().SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("Vous êtes désabonné", done.Text("h1"));
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusOfAsync(french));

        // The English reader of the same send got the English digest, as before.
        Assert.Equal("PPRNet Research Blog: April 2021 - Mindfulness and Empathy in Therapists and 1 more", englishDigest.Subject);
        Assert.StartsWith("<http://localhost/subscribe/unsubscribe?token=", englishDigest.Headers["List-Unsubscribe"],
            StringComparison.Ordinal);
        Assert.DoesNotContain("/fr/", englishDigest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Practice Implications", englishDigest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bottom line: Therapists", englishDigest.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", Parse(englishDigest.HtmlBody).DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("lang=\"fr\"", englishDigest.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preferences_page_changes_the_language_and_refuses_an_unknown_one_beside_the_field()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"reader@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email, "alliance");
        Assert.Equal("en", await LanguageOfAsync(site, email));
        var token = Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email));
        var browser = site.Anonymous();

        var (_, page) = await browser.GetAsync($"/subscribe/manage?token={token}");
        Assert.NotNull(page.QuerySelector("input[name='Form.Language'][value=en][checked]"));
        var (saved, _) = await browser.SubmitAsync(page, "form.preferences-form", new() { ["Form.Language"] = "fr" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, savedPage) = await browser.FollowAsync(saved);
        Assert.Equal("Saved. Your next digest follows these choices.", savedPage.Text(".flash"));
        Assert.Equal("fr", await LanguageOfAsync(site, email));

        // On the French page, the save stays under /fr, and the choice shows as saved.
        var (_, french) = await browser.GetAsync($"/fr/subscribe/manage?token={token}");
        Assert.NotNull(french.QuerySelector("input[name='Form.Language'][value=fr][checked]"));
        var (refused, again) = await browser.SubmitAsync(french, "form.preferences-form",
            new() { ["Form.Language"] = "xx", ["Form.AllTopics"] = "false", ["Form.Topics"] = new[] { "alliance", "training" } });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Choisissez l’anglais ou le français.", again.ErrorFor("Form.Language"));
        Assert.NotNull(again.QuerySelector("input[name='Form.Topics'][value=training][checked]"));
        Assert.Equal("fr", await LanguageOfAsync(site, email));
        var topics = await site.DbAsync(db => db.Subscribers.Where(s => s.Email == email).SelectMany(s => s.Topics.Select(t => t.Slug))
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["alliance"], topics);

        var (back, _) = await browser.SubmitAsync(again, "form.preferences-form", new() { ["Form.Language"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/fr/subscribe/manage?token=", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (_, after) = await browser.FollowAsync(back);
        Assert.Equal("Enregistré. Votre prochaine infolettre suivra ces choix.", after.Text(".flash"));
        Assert.Equal("en", await LanguageOfAsync(site, email));
    }

    [Fact]
    public async Task A_french_reader_asking_for_a_new_preferences_link_gets_it_in_french_with_french_links()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"lien@{MailSteps.NewDomain()}";
        await ConfirmedInFrenchAsync(site, email);

        var (response, _) = await site.Anonymous().SubmitAsync("/fr/subscribe/preferences-link", "main form",
            new() { ["Form.Email"] = email });
        Assert.Equal("/fr/subscribe/preferences-link/sent", response.Headers.Location!.OriginalString);

        var mail = await MailSteps.OnlyMessageToAsync(smtp, email, expected: 2);
        Assert.Equal("Votre nouveau lien vers vos préférences d’infolettre du Blogue de recherche du PPRNet", mail.Subject);
        Assert.Contains("Le lien est valide pendant 365 jours.", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/fr/subscribe/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        var (opened, page) = await MailSteps.FollowAsync(site, MailSteps.LinkIn(mail.TextBody, "/fr/subscribe/manage"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("Vos préférences pour l’infolettre", page.Text("h1"));
        var english = FrenchText.EnglishWordsIn(FrenchText.VisibleOutsideEnglish(Parse(mail.HtmlBody).Body!));
        Assert.True(english.Count == 0, $"The mail shows English: {string.Join(", ", english)}");
    }

    [Fact]
    public async Task An_editors_test_asked_for_in_french_arrives_in_french()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var tester = $"editeur@{MailSteps.NewDomain()}";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // As the digest desk does when an editor presses Test on a page under /fr.
            using (SiteLanguage.Use(SiteLanguage.FrenchCode))
            {
                await scope.ServiceProvider.GetRequiredService<DigestQueue>()
                    .QueueTestAsync("2021-04", null, tester, BlogSite.EditorEmail, TestContext.Current.CancellationToken);
            }
        }

        var test = await MailSteps.OnlyMessageToAsync(smtp, tester);
        Assert.StartsWith($"[Test] Blogue de recherche du PPRNet{Nbsp}: avril 2021", test.Subject, StringComparison.Ordinal);
        Assert.Contains($"Test{Nbsp}: voici l’infolettre telle que la reçoit un lecteur de tous les sujets (2 résumés sur 2).",
            test.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/fr/blog/2021/04", test.TextBody, StringComparison.Ordinal);
        Assert.Equal("fr", Parse(test.HtmlBody).DocumentElement.GetAttribute("lang"));
    }
}
