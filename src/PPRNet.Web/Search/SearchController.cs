using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Localization;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Search;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[EnableRateLimiting(RateLimitPolicies.Search)]
public sealed class SearchController(SearchReader search, IStringLocalizer<Ui> t) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? topic, string? type, string? page, CancellationToken cancellationToken)
    {
        if (!ArchiveRequest.TryCreate(t, [topic], type, page, out var request, out var problem))
        {
            return this.BadRequestPage(problem);
        }

        var model = await search.SearchAsync(q, request, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        HttpContext.TagPage(CacheTags.Structure, CacheTags.Search);
        return View(model);
    }
}
