using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
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
public sealed class FeedWriter(ArchiveReader archive, SiteLinks links, TimeProvider clock)
{
    public const int Size = 20;

    public static FeedLink ForTopic(TaxonomyLink topic) =>
        new($"{SiteLinks.SiteName}: {topic.Name}", $"/feeds/topics/{topic.Slug}.rss", $"/feeds/topics/{topic.Slug}.atom");

    public static FeedLink ForType(TaxonomyLink type) =>
        new($"{SiteLinks.SiteName}: {type.Name}", $"/feeds/types/{type.Slug}.rss", $"/feeds/types/{type.Slug}.atom");

    /// <summary>Null when the topic or type does not exist.</summary>
    public async Task<FeedFile?> WriteAsync(HttpRequest request, FeedFormat format, string? topicSlug, string? typeSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (known, topic, type) = await archive.ResolveFiltersAsync(topicSlug, typeSlug, cancellationToken);
        if (!known)
        {
            return null;
        }

        var rows = await archive.Published.WithTopic(topicSlug).OfType(typeSlug)
            .OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Id)
            .Take(Size)
            .Select(s => new
            {
                s.Id, s.Title, s.Month, s.Slug, s.Excerpt, s.BodyHtml, s.ImplicationsHtml, s.CitationHtml, s.PublishedOn, s.UpdatedAt,
                Topics = s.Topics.Select(t => t.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var site = links.Base(request);
        var rss = format == FeedFormat.Rss;
        // RSS readers take titles, categories and descriptions as HTML, so text goes in escaped
        // as HTML, and the XML writer escapes that once more; Atom says type="text" and needs neither.
        string Text(string value) => rss ? HtmlText(value) : value;
        var scope = topic is not null ? $": {topic.Name}" : type is not null ? $": {type.Name}" : "";
        var page = BlogUrls.Archive(topicSlug, typeSlug, 1);
        var feed = new SyndicationFeed(
            Text(SiteLinks.SiteName + scope),
            Text("Practice-oriented summaries of published psychotherapy research" + (scope.Length > 0 ? scope.Replace(": ", " on ", StringComparison.Ordinal) : "") + "."),
            new Uri(site + page))
        {
            Id = site + page,
            LastUpdatedTime = rows.Count > 0 ? rows.Max(r => r.UpdatedAt) : clock.GetUtcNow(),
            Language = "en",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Psychotherapy Practice Research Network" });
        feed.Items = rows.Select(r =>
        {
            var url = new Uri(site + BlogUrls.Summary(r.Month, r.Slug));
            var html = $"<p>{r.CitationHtml}</p>{r.BodyHtml}<h2>Practice Implications</h2>{r.ImplicationsHtml}";
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
            foreach (var name in r.Topics)
            {
                item.Categories.Add(new SyndicationCategory(Text(name)));
            }

            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return new FeedFile(buffer.ToArray(), format == FeedFormat.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    }

    /// <summary>Text as HTML shows it: only the characters HTML gives meaning to are escaped,
    /// so accented names stay readable in readers that show the raw text.</summary>
    private static string HtmlText(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
