using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Feeds;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class FeedsController(FeedWriter feeds, ArchiveReader archive) : Controller
{
    [HttpGet("/feeds/all.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> All(string format, CancellationToken cancellationToken) => Feed(format, null, null, cancellationToken);

    [HttpGet("/feeds/topics/{slug}.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> Topic(string slug, string format, CancellationToken cancellationToken)
        => Feed(format, slug, null, cancellationToken);

    [HttpGet("/feeds/types/{slug}.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> Type(string slug, string format, CancellationToken cancellationToken)
        => Feed(format, null, slug, cancellationToken);

    private async Task<IActionResult> Feed(string format, string? topic, string? type, CancellationToken cancellationToken)
    {
        var file = await feeds.WriteAsync(Request, format == "rss" ? FeedFormat.Rss : FeedFormat.Atom, topic, type, cancellationToken);
        if (file is not null)
        {
            HttpContext.TagPage(CacheTags.Structure);
            return File(file.Content, file.ContentType);
        }

        // Subscribers keep their feed when an admin renames its topic or type.
        var (kind, slug, folder) = topic is not null ? (TermKind.Topic, topic, "topics") : (TermKind.ResearchType, type, "types");
        var renamed = slug is null ? null : await archive.AliasAsync(kind, slug, cancellationToken);
        return renamed is null ? NotFound() : RedirectPermanent(SiteLanguage.Local($"/feeds/{folder}/{renamed}.{format}"));
    }
}
