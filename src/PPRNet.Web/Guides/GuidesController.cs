using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Guides;

/// <summary>Short pages we write once to help clinicians read the summaries; each language has its
/// own view (<c>ReadingEffectSizes.fr.cshtml</c>), as prose reads better whole than by sentence.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class GuidesController(IStringLocalizer<Ui> t) : Controller
{
    [HttpGet(BlogUrls.EffectSizeGuide)]
    public IActionResult ReadingEffectSizes()
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(new GuidePage
        {
            Title = t["Reading effect sizes"],
            Description = t["What d, g, r and odds ratios mean, what Cohen's small, medium and large labels do and do not tell you, and how to read a summary's study facts."],
        });
    }

    [HttpGet(BlogUrls.CertaintyGuide)]
    public IActionResult CertaintyOfEvidence()
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(new GuidePage
        {
            Title = t["How far to trust a finding"],
            Description = t["What our certainty ratings (high, moderate, low, very low) mean, and the five reasons a body of evidence is rated down."],
        });
    }
}
