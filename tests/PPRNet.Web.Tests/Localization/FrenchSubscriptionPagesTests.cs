using System.Net;
using PPRNet.Web.Tests.Mail;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Localization;

/// <summary>Every subscription page answers under /fr in French: title, description, headings,
/// labels, buttons, hints and notices, with its forms and links staying under /fr.</summary>
[Collection(MailCollection.Name)]
public sealed class FrenchSubscriptionPagesTests(Smtp4dev smtp)
{
    [Fact]
    public async Task Every_subscription_page_under_fr_is_in_french_with_its_forms_and_links_under_fr()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var email = $"lecteur@{MailSteps.NewDomain()}";
        await MailSteps.ConfirmedAsync(site, smtp, email);
        var token = Uri.EscapeDataString(await MailSteps.PreferencesTokenAsync(site, email));

        foreach (var path in new[]
        {
            "/fr/subscribe", "/fr/subscribe/check-your-inbox", "/fr/subscribe/confirm?token=anything",
            $"/fr/subscribe/manage?token={token}", $"/fr/subscribe/unsubscribe?token={token}",
            "/fr/subscribe/preferences-link", "/fr/subscribe/preferences-link/sent",
        })
        {
            var (response, page) = await site.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
            Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
            var english = FrenchText.EnglishWordsIn(FrenchText.OfPage(page));
            Assert.True(english.Count == 0, $"{path} shows English: {string.Join(", ", english)}");
            foreach (var form in page.QuerySelectorAll("main form"))
            {
                Assert.StartsWith("/fr/subscribe", form.GetAttribute("action"), StringComparison.Ordinal);
            }

            foreach (var link in page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                Assert.True(link.StartsWith("/fr/", StringComparison.Ordinal), $"{path} links to {link}");
            }
        }

        var (_, subscribe) = await site.GetPageAsync("/fr/subscribe");
        Assert.Equal("S’abonner à l’infolettre mensuelle | Blogue de recherche du PPRNet", subscribe.Title);
        // Topic names in French, in French order.
        Assert.Contains("Alliance et relation thérapeutique", subscribe.Texts("main .topic-choices label"));
        Assert.Contains("Dépression et symptômes dépressifs", subscribe.Texts("main .topic-choices label"));
        Assert.DoesNotContain("Depression", subscribe.Text("main .topic-choices"), StringComparison.Ordinal);
        // A French page chooses French mail unless the reader says otherwise.
        Assert.NotNull(subscribe.QuerySelector("main input[name='Form.Language'][value=fr][checked]"));
        Assert.Null(subscribe.QuerySelector("main input[name='Form.Language'][value=en][checked]"));
        Assert.Equal("/fr/subscribe", subscribe.QuerySelector("main input[name='Form.Page']")!.GetAttribute("value"));

        var (_, manage) = await site.GetPageAsync($"/fr/subscribe/manage?token={token}");
        Assert.Contains(email, manage.Text("main"), StringComparison.Ordinal);
        Assert.Equal("Enregistrer", manage.Text("main form.preferences-form button"));

        var (bad, invalid) = await site.GetPageAsync("/fr/subscribe/unsubscribe?token=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Ce lien n’est pas valide", invalid.Text("h1"));
    }

    [Fact]
    public async Task The_footer_form_on_a_french_page_is_french_and_posts_french_under_fr()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (_, month) = await site.GetPageAsync("/fr/blog/2021/04");
        var footer = month.QuerySelector("footer .footer-subscribe");
        Assert.NotNull(footer);
        var english = FrenchText.EnglishWordsIn(FrenchText.VisibleOutsideEnglish(footer));
        Assert.True(english.Count == 0, $"The footer form shows English: {string.Join(", ", english)}");
        Assert.Equal("/fr/subscribe", footer.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("fr", footer.QuerySelector("input[name='Form.Language']")!.GetAttribute("value"));
        Assert.Equal("/fr/blog/2021/04", footer.QuerySelector("input[name='Form.Page']")!.GetAttribute("value"));
        Assert.Equal("/fr/subscribe", footer.QuerySelector("a")!.GetAttribute("href"));

        // English pages are as they were: English words, English addresses, English mail.
        var (_, englishMonth) = await site.GetPageAsync("/blog/2021/04");
        var englishFooter = englishMonth.QuerySelector("footer .footer-subscribe")!;
        Assert.Equal("/subscribe", englishFooter.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("en", englishFooter.QuerySelector("input[name='Form.Language']")!.GetAttribute("value"));
        Assert.Equal("The monthly digest by email", englishFooter.Text("h2"));
    }

    [Fact]
    public async Task A_refused_french_form_says_what_is_wrong_beside_each_field_in_french_and_keeps_what_was_typed()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort);
        var (response, page) = await site.Anonymous().SubmitAsync("/fr/subscribe", "main form.stacked-form",
            new() { ["Form.Email"] = "pas une adresse", ["Form.Language"] = "de", ["Form.Topics"] = new[] { "alliance" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Erreur", page.Title, StringComparison.Ordinal);
        Assert.Equal("Une adresse courriel ne peut contenir ni espaces, ni sauts de ligne, ni lettres accentuées.",
            page.ErrorFor("Form.Email"));
        Assert.Equal("Choisissez l’anglais ou le français.", page.ErrorFor("Form.Language"));
        Assert.Equal("pas une adresse", page.QuerySelector("main input[name='Form.Email']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("main input[name='Form.Topics'][value=alliance][checked]"));
        Assert.Equal("/fr/subscribe", page.QuerySelector("main form.stacked-form")!.GetAttribute("action"));
    }
}
