using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
}

public sealed record FeedFile(byte[] Content, string ContentType);

/// <summary>RSS 2.0 and Atom 1.0 feeds of the newest published summaries: the whole blog, one
/// topic or one research type. Item ids are the summary's database id, so they never change
/// even if a slug or a title does.</summary>
public sealed class FeedWriter(BlogDbContext db, Facets facets, SiteLinks links, TimeProvider clock, IStringLocalizer<Ui> t)
{
    public const int Size = 20;

    /// <summary>Null when the topic or type does not exist.</summary>
    public async Task<FeedFile?> WriteAsync(HttpRequest request, FeedFormat format, string? topicSlug,
        string? typeSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var topic = taxonomy.Topic(topicSlug);
        var type = taxonomy.Type(typeSlug);
        if ((topicSlug is not null && topic is null) || (typeSlug is not null && type is null))
        {
            return null;
        }

        var ids = await NewestIdsAsync(topic?.Id, type?.Id, cancellationToken);
        var found = await db.Summaries.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.Month,
                s.Slug,
                s.Excerpt,
                s.BodyHtml,
                s.ImplicationsHtml,
                s.CitationHtml,
                s.PublishedOn,
                s.UpdatedAt
            })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var topicIds = await db.TopicIdsAsync(ids, cancellationToken);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).Select(r => new
        {
            r.Id,
            r.Title,
            r.Month,
            r.Slug,
            r.Excerpt,
            r.BodyHtml,
            r.ImplicationsHtml,
            r.CitationHtml,
            r.PublishedOn,
            r.UpdatedAt,
            Topics = taxonomy.TopicLinks(topicIds[r.Id]).Select(t => t.Name).ToList(),
        }).ToList();
        request.HttpContext.TagPage(CacheTags.Summaries(ids));

        var site = links.Base(request);
        var rss = format == FeedFormat.Rss;
        // RSS readers take titles, categories and descriptions as HTML, so text goes in escaped
        // as HTML, and the XML writer escapes that once more; Atom says type="text" and needs neither.
        string Text(string value) => rss ? HtmlText(value) : value;
        var scope = topic?.Name ?? type?.Name;
        var page = BlogUrls.Archive(topicSlug, typeSlug, 1);
        var feed = new SyndicationFeed(
            Text(scope is null ? t["PPRNet Research Blog"] : t["PPRNet Research Blog: {0}", scope]),
            Text(scope is null
                ? t["Practice-oriented summaries of published psychotherapy research."]
                : t["Practice-oriented summaries of published psychotherapy research on {0}.", scope]),
            new Uri(site + page))
        {
            Id = site + page,
            LastUpdatedTime = rows.Count > 0 ? rows.Max(r => r.UpdatedAt) : clock.GetUtcNow(),
            Language = SiteLanguage.Code,
        };
        var implications = System.Net.WebUtility.HtmlEncode(t["Practice Implications"]);
        feed.Authors.Add(new SyndicationPerson { Name = "Psychotherapy Practice Research Network" });
        feed.Items = rows.Select(r =>
        {
            var url = new Uri(site + BlogUrls.Summary(r.Month, r.Slug));
            var html = $"<p>{r.CitationHtml}</p>{r.BodyHtml}<h2>{implications}</h2>{r.ImplicationsHtml}";
            var item = new SyndicationItem
            {
                Title = new TextSyndicationContent(Text(r.Title)),
                Content = new TextSyndicationContent(html, TextSyndicationContentKind.Html),
                Id = $"urn:pprnet:summary:{r.Id}",
                LastUpdatedTime = r.UpdatedAt,
                PublishDate = new DateTimeOffset(r.PublishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                // RSS has one place for the text, its description: the whole summary as HTML.
                Summary = rss ? new TextSyndicationContent(html, TextSyndicationContentKind.Html) : new TextSyndicationContent(r.Excerpt),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(url));
            if (SiteLanguage.IsFrench)
            {
                // A French feed's channel is French; its summaries are not.
                item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"),
                    SiteLanguage.EnglishCode);
            }
            foreach (var name in r.Topics)
            {
                item.Categories.Add(new SyndicationCategory(Text(name)));
            }

            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss
                ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false)
                : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return new FeedFile(buffer.ToArray(),
            format == FeedFormat.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    }

    /// <summary>The newest summaries of the feed, read backwards along a publish-date index.</summary>
    private Task<List<int>> NewestIdsAsync(int? topicId, int? typeId, CancellationToken cancellationToken)
    {
        var today = facets.Today;
        if (topicId is { } topic)
        {
            return db.TopicListings.AsNoTracking().PublicInTopic(topic, today)
                .OrderByDescending(l => l.PublishedOn).ThenByDescending(l => l.SummaryId)
                .Take(Size).Select(l => l.SummaryId).ToListAsync(cancellationToken);
        }

        var summaries = db.Summaries.AsNoTracking().Published(today).OfType(typeId);
        return summaries.OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Id)
            .Take(Size).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Text as HTML shows it: only the characters HTML gives meaning to are escaped,
    /// so accented names stay readable in readers that show the raw text.</summary>
    private static string HtmlText(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
