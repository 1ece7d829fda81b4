using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Seo;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SeoController(ArchiveReader archive, SiteLinks links) : Controller
{
    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /admin\nSitemap: {links.Absolute(Request, "/sitemap.xml")}\n", "text/plain; charset=utf-8");

    /// <summary>Every public page: home, archive, topics, each month, each published summary and
    /// each topic with summaries, with the last time its content changed.</summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var summaries = await archive.Published
            .Select(s => new { s.Month, s.Slug, s.UpdatedAt, Topics = s.Topics.Select(t => t.Slug).ToList() })
            .ToListAsync(cancellationToken);
        var topics = summaries.SelectMany(s => s.Topics.Select(t => (Slug: t, s.UpdatedAt)))
            .GroupBy(t => t.Slug).Select(g => (Slug: g.Key, UpdatedAt: g.Max(t => t.UpdatedAt))).ToList();
        var newest = summaries.Count > 0 ? summaries.Max(s => s.UpdatedAt) : (DateTimeOffset?)null;

        var entries = new List<(string Path, DateTimeOffset? Modified)> { ("/", newest), ("/blog", newest), ("/topics", newest) };
        entries.AddRange(summaries.GroupBy(s => s.Month).OrderByDescending(g => g.Key).Select(g => (BlogUrls.Month(g.Key), (DateTimeOffset?)g.Max(s => s.UpdatedAt))));
        entries.AddRange(summaries.OrderByDescending(s => s.Month).Select(s => (BlogUrls.Summary(s.Month, s.Slug), (DateTimeOffset?)s.UpdatedAt)));
        entries.AddRange(topics.OrderBy(t => t.Slug).Select(t => (BlogUrls.Topic(t.Slug), (DateTimeOffset?)t.UpdatedAt)));

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            xml.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in entries)
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, links.Absolute(Request, path));
                if (modified is { } at)
                {
                    xml.WriteElementString("lastmod", ns, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
