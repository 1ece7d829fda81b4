using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Feeds;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class FeedsController(FeedWriter feeds) : Controller
{
    [HttpGet("/feeds/all.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> All(string format, CancellationToken cancellationToken) => Feed(format, null, null, cancellationToken);

    [HttpGet("/feeds/topics/{slug}.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> Topic(string slug, string format, CancellationToken cancellationToken) => Feed(format, slug, null, cancellationToken);

    [HttpGet("/feeds/types/{slug}.{format:regex(^(rss|atom)$)}")]
    public Task<IActionResult> Type(string slug, string format, CancellationToken cancellationToken) => Feed(format, null, slug, cancellationToken);

    private async Task<IActionResult> Feed(string format, string? topic, string? type, CancellationToken cancellationToken)
    {
        var file = await feeds.WriteAsync(Request, format == "rss" ? FeedFormat.Rss : FeedFormat.Atom, topic, type, cancellationToken);
        return file is null ? NotFound() : File(file.Content, file.ContentType);
    }
}
