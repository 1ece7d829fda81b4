using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PPRNet.Web.Archive;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Citations;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class CitationsController(ArchiveReader archive, SiteLinks links) : Controller
{
    [HttpGet("/blog/{year:int}/{month:int}/{slug}/cite.ris")]
    public Task<IActionResult> Ris(int year, int month, string slug, CancellationToken cancellationToken) =>
        Reference(year, month, slug, "ris", ReferenceFormats.RisContentType, ReferenceFormats.Ris, cancellationToken);

    [HttpGet("/blog/{year:int}/{month:int}/{slug}/cite.bib")]
    public Task<IActionResult> BibTex(int year, int month, string slug, CancellationToken cancellationToken) =>
        Reference(year, month, slug, "bib", ReferenceFormats.BibTexContentType, ReferenceFormats.BibTex, cancellationToken);

    private async Task<IActionResult> Reference(int year, int month, string slug, string extension, string contentType,
        Func<ApaCitation, string, string> format, CancellationToken cancellationToken)
    {
        var found = await archive.CitationAsync(year, month, slug, cancellationToken);
        if (found is not { } citation)
        {
            return NotFound();
        }

        HttpContext.TagPage(CacheTags.Summary(citation.SummaryId));
        var url = links.Absolute(Request, BlogUrls.Summary($"{year:D4}-{month:D2}", slug));
        return File(Encoding.UTF8.GetBytes(format(citation.Citation, url)), contentType + "; charset=utf-8", $"{slug}.{extension}");
    }
}
