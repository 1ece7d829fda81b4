using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Guides;

/// <summary>Short pages we write once to help clinicians read the summaries.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class GuidesController : Controller
{
    [HttpGet("/reading-effect-sizes")]
    public IActionResult ReadingEffectSizes()
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(new GuidePage
        {
            Title = "Reading effect sizes",
            Description = "What d, g, r and odds ratios mean, "
                + "what Cohen's small, medium and large labels do and do not tell you, and how to read a summary's study facts.",
        });
    }
}
