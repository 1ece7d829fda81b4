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
        var citation = await archive.CitationAsync(year, month, slug, cancellationToken);
        if (citation is null)
        {
            return NotFound();
        }

        var url = links.Absolute(Request, BlogUrls.Summary($"{year:D4}-{month:D2}", slug));
        return File(Encoding.UTF8.GetBytes(format(citation, url)), contentType + "; charset=utf-8", $"{slug}.{extension}");
    }
}
