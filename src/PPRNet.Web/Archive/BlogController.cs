using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class BlogController(ArchiveReader archive, IStringLocalizer<Ui> t) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Latest(CancellationToken cancellationToken)
    {
        var model = await archive.LatestIssueAsync(cancellationToken);
        HttpContext.TagPage(CacheTags.Structure);
        if (model is not null)
        {
            HttpContext.TagPage([CacheTags.Month(model.Month), .. CacheTags.Summaries(model.Summaries.Select(s => s.Id))]);
        }

        return View("Latest", model);
    }

    [HttpGet("/blog")]
    public async Task<IActionResult> Archive([FromQuery] string[]? topic, string? type, string? page, CancellationToken cancellationToken)
    {
        if (!ArchiveRequest.TryCreate(t, topic, type, page, out var request, out var problem))
        {
            return this.BadRequestPage(problem);
        }

        var model = await archive.ArchivePageAsync(request, cancellationToken);
        if (model is not null)
        {
            HttpContext.TagPage([CacheTags.Structure, .. CacheTags.Summaries(model.Months.SelectMany(m => m.Summaries).Select(s => s.Id))]);
            return View(model);
        }

        var renamed = await archive.RenamedUrlAsync(request, cancellationToken);
        return renamed is null ? NotFound() : RedirectPermanent(renamed);
    }

    /// <summary>Every month with public summaries, by year: a month in a few taps rather than by
    /// paging the archive. Its counts change with what is public, as the topic index's do.</summary>
    [HttpGet(BlogUrls.Months)]
    public async Task<IActionResult> Months(CancellationToken cancellationToken)
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(await archive.MonthIndexAsync(cancellationToken));
    }

    [HttpGet("/blog/{year:int}/{month:int}")]
    public async Task<IActionResult> Month(int year, int month, string? page, CancellationToken cancellationToken)
    {
        if (!ArchiveRequest.TryParsePage(t, page, out var number, out var problem))
        {
            return this.BadRequestPage(problem);
        }

        var model = await archive.IssueAsync(year, month, number, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        HttpContext.TagPage([CacheTags.Month(model.Month), .. CacheTags.Summaries(model.Summaries.Select(s => s.Id))]);
        return View(model);
    }

    [HttpGet("/blog/{year:int}/{month:int}/{slug}")]
    public async Task<IActionResult> Summary(int year, int month, string slug, CancellationToken cancellationToken)
    {
        var model = await archive.SummaryAsync(year, month, slug, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        var links = new[] { model.Older, model.Newer }.OfType<SummaryLink>().Concat(model.Related).ToList();
        HttpContext.TagPage([
            CacheTags.Page(model.Id), CacheTags.Summary(model.Id), .. CacheTags.Summaries(links.Select(l => l.Id)),
            .. model.TopicIds.Select(CacheTags.Topic)]);
        return View(model);
    }

    [HttpGet("/topics")]
    public async Task<IActionResult> Topics(CancellationToken cancellationToken)
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(await archive.TopicIndexAsync(cancellationToken));
    }

    [HttpGet("/topics/{slug}")]
    public async Task<IActionResult> Topic(string slug, CancellationToken cancellationToken)
    {
        if (await archive.TopicExistsAsync(slug, cancellationToken))
        {
            return Redirect(BlogUrls.Topic(slug));
        }

        var renamed = SummaryRules.IsSlug(slug)
            ? await archive.RenamedUrlAsync(new ArchiveRequest(slug, null, 1), cancellationToken)
            : null;
        return renamed is null ? NotFound() : RedirectPermanent(renamed);
    }
}
