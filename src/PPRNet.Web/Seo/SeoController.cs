using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Seo;

/// <summary>robots.txt and the sitemaps. The sitemap is an index (sitemaps.org protocol) of one
/// file of pages (home, archive, topics, the months page), files of months, oldest first,
/// <see cref="MonthsPerFile"/> a file, and files of summaries, each covering a fixed range of
/// <see cref="SummariesPerFile"/> ids, so every file is one bounded index read and a summary stays
/// in the same file for good. No file grows with the archive.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SeoController(BlogDbContext db, Facets facets, SiteLinks links) : Controller
{
    /// <summary>Well under the protocol's 50,000 URLs a file: about 250 KB a file (each summary is
    /// two URLs, English and French, each naming both), so no response of the site is larger than
    /// that, however large the archive.</summary>
    public const int SummariesPerFile = 250;

    /// <summary>About 180 KB a file (two URLs a month, as for summaries).</summary>
    public const int MonthsPerFile = 250;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /admin\nSitemap: {links.Absolute(Request, "/sitemap.xml")}\n", "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var highest = await db.Summaries.MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0;
        var files = (highest + SummariesPerFile - 1) / SummariesPerFile;
        var monthFiles = ((await facets.PublicMonthsAsync(cancellationToken)).Count + MonthsPerFile - 1) / MonthsPerFile;
        HttpContext.TagPage(CacheTags.Structure, CacheTags.Sitemap);
        return Xml(xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            foreach (var path in new[] { "/sitemaps/pages.xml" }.Concat(Enumerable.Range(1, monthFiles).Select(MonthsPath))
                         .Concat(Enumerable.Range(1, files).Select(SummariesPath)))
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, links.Absolute(Request, path));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    public static string SummariesPath(int file) => $"/sitemaps/summaries-{file}.xml";

    public static string MonthsPath(int file) => $"/sitemaps/months-{file}.xml";

    /// <summary>Home, archive, topics, the months page and every topic with public summaries.</summary>
    [HttpGet("/sitemaps/pages.xml")]
    public async Task<IActionResult> Pages(CancellationToken cancellationToken)
    {
        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var counts = facets.Counts();
        var topics = taxonomy.Topics
            .Where(t => counts.Count(t.Id, null) > 0)
            .OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => BlogUrls.Topic(t.Slug));
        HttpContext.TagPage(CacheTags.Structure, CacheTags.Sitemap);
        var pages = new[] { "/", "/blog", "/topics", BlogUrls.Months }.Concat(topics);
        return UrlSet(pages.Select(path => (path, (DateTimeOffset?)null)));
    }

    /// <summary>The file's share of the months with public summaries, oldest first, so a new month
    /// joins the last file and the others stay as they were.</summary>
    [HttpGet("/sitemaps/months-{file:int}.xml")]
    public async Task<IActionResult> Months(int file, CancellationToken cancellationToken)
    {
        if (file < 1 || file > int.MaxValue / MonthsPerFile)
        {
            return NotFound();
        }

        var months = (await facets.PublicMonthsAsync(cancellationToken)).Select(m => m.Url).Reverse()
            .Skip((file - 1) * MonthsPerFile).Take(MonthsPerFile).ToList();
        if (months.Count == 0)
        {
            return NotFound();
        }

        HttpContext.TagPage(CacheTags.Structure, CacheTags.Sitemap);
        return UrlSet(months.Select(path => (path, (DateTimeOffset?)null)));
    }

    /// <summary>The public summaries whose ids fall in the file's range, with their last change.</summary>
    [HttpGet("/sitemaps/summaries-{file:int}.xml")]
    public async Task<IActionResult> Summaries(int file, CancellationToken cancellationToken)
    {
        if (file < 1 || file > int.MaxValue / SummariesPerFile)
        {
            return NotFound();
        }

        var (first, last) = ((file - 1) * SummariesPerFile + 1, file * SummariesPerFile);
        var rows = await db.Summaries.AsNoTracking().Published(facets.Today)
            .Where(s => s.Id >= first && s.Id <= last)
            .Select(s => new { s.Month, s.Slug, s.UpdatedAt })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return NotFound();
        }

        HttpContext.TagPage(CacheTags.Structure, CacheTags.Sitemap);
        return UrlSet(rows.Select(r => (BlogUrls.Summary(r.Month, r.Slug), (DateTimeOffset?)r.UpdatedAt)));
    }

    /// <summary>Each page in both languages, each naming the other (and English as the default), as
    /// search engines ask of a site with translations.</summary>
    private FileContentResult UrlSet(IEnumerable<(string Path, DateTimeOffset? Modified)> entries) => Xml(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
        foreach (var (path, modified) in entries)
        {
            var neutral = SiteLanguage.Neutral(path);
            foreach (var language in SiteLanguage.Codes)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, links.Absolute(Request, SiteLanguage.PathIn(language, neutral)));
                if (modified is { } at)
                {
                    xml.WriteElementString("lastmod", Namespace,
                        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                }

                foreach (var (hreflang, target) in SiteLanguage.Codes.Select(c => (c, c)).Append(("x-default", SiteLanguage.EnglishCode)))
                {
                    xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", hreflang);
                    xml.WriteAttributeString("href", links.Absolute(Request, SiteLanguage.PathIn(target, neutral)));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
    });

    private FileContentResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(xml);
        }

        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
