using System.Net;
using PPRNet.Web.Admin;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.Mail.DigestSendTests;

namespace PPRNet.Web.Tests.Mail;

/// <summary>What a mailed digest links to: the site's own pages by their full address, and images
/// as links rather than remote images, in the HTML part and the plain-text part.</summary>
[Collection(MailCollection.Name)]
public sealed class DigestLinksTests(Smtp4dev smtp)
{
    [Fact]
    public async Task Links_to_the_sites_own_pages_in_the_intro_and_practice_implications_are_absolute_in_both_parts()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, moreContent: content =>
        {
            content.WriteSummary("2021-06", "relative-links", new Dictionary<string, string?> { ["title"] = "\"Sizes of Effects\"" },
                implications: "Read [Reading effect sizes](/reading-effect-sizes) before the numbers.");
            content.Write("issues/2021-06.md", "This month follows [April](/blog/2021/04).");
        });
        var tester = await site.AddAccountAsync(Roles.Editor);
        var editor = await site.SignedInAsync(tester);
        var (_, page) = await editor.GetAsync("/admin/digests/2021-06");
        await editor.SubmitAsync(page, "form.test-form", []);

        var mail = await MailSteps.OnlyMessageToAsync(smtp, tester);
        var html = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(mail.HtmlBody!, TestContext.Current.CancellationToken);
        var hrefs = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("http://localhost/reading-effect-sizes", hrefs);
        Assert.Contains("http://localhost/blog/2021/04", hrefs);
        Assert.All(hrefs, href => Assert.StartsWith("http://localhost/", href, StringComparison.Ordinal));
        Assert.Contains("[Reading effect sizes](http://localhost/reading-effect-sizes)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("[April](http://localhost/blog/2021/04)", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("](/", mail.TextBody, StringComparison.Ordinal);
        foreach (var link in new[] { "http://localhost/reading-effect-sizes", "http://localhost/blog/2021/04" })
        {
            Assert.Equal(HttpStatusCode.OK, (await MailSteps.FollowAsync(site, link)).Response.StatusCode);
        }
    }

    [Fact]
    public async Task Images_in_the_intro_citation_and_practice_implications_are_mailed_as_links_never_as_remote_images()
    {
        await using var site = await MailSite.StartAsync(smtp.SmtpPort, moreContent: content =>
        {
            content.WriteSummary("2021-06", "pictured", new Dictionary<string, string?>
            {
                ["title"] = "\"Pictured Findings\"",
                ["citation"] = "\"Author, A. (2020). ![cover](https://tracker.example/cover.png) A study. *Journal, 1*(2), 3–4.\"",
            }, implications: "![pixel](https://tracker.example/p.gif)\n\nRead [the guide](/reading-effect-sizes) first.");
            content.Write("issues/2021-06.md", "This month: ![](/img/chart.png) and [April](/blog/2021/04).");
        });
        var domain = MailSteps.NewDomain();
        var reader = $"reader@{domain}";
        await MailSteps.ConfirmedAsync(site, smtp, reader);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        await admin.SubmitAsync("/admin/digests/2021-06/send", "form.send-form", []);
        var digest = (await smtp.WaitForAsync(domain, 1, filter: m => IsDigestOf(m, "June 2021")))
            .Single().Message;
        var tester = await site.AddAccountAsync(Roles.Editor);
        var editor = await site.SignedInAsync(tester);
        await editor.SubmitAsync("/admin/digests/2021-06", "form.test-form", []);
        var test = await MailSteps.OnlyMessageToAsync(smtp, tester);

        foreach (var mail in new[] { digest, test })
        {
            var html = await new AngleSharp.Html.Parser.HtmlParser()
                .ParseDocumentAsync(mail.HtmlBody!, TestContext.Current.CancellationToken);
            Assert.Empty(html.QuerySelectorAll("img, [src]"));
            var links = html.QuerySelectorAll("a[href]").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
            Assert.Contains(("pixel", "https://tracker.example/p.gif"), links);
            Assert.Contains(("cover", "https://tracker.example/cover.png"), links);
            Assert.Contains(("http://localhost/img/chart.png", "http://localhost/img/chart.png"), links); // no alt text: the address
            Assert.Contains(("the guide", "http://localhost/reading-effect-sizes"), links);
            Assert.Contains(("April", "http://localhost/blog/2021/04"), links);

            Assert.DoesNotContain("![", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("[pixel](https://tracker.example/p.gif)", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("This month: http://localhost/img/chart.png and [April](http://localhost/blog/2021/04).", mail.TextBody,
                StringComparison.Ordinal);
            Assert.Contains("[the guide](http://localhost/reading-effect-sizes)", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Author, A. (2020). cover A study. Journal, 1(2), 3–4.", mail.TextBody, StringComparison.Ordinal);
        }
    }
}
