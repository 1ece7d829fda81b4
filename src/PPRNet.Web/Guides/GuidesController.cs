using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PPRNet.Web.Archive;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Guides;

/// <summary>Short pages we write once to help clinicians read the summaries.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class GuidesController : Controller
{
    [HttpGet(BlogUrls.EffectSizeGuide)]
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

    [HttpGet(BlogUrls.CertaintyGuide)]
    public IActionResult CertaintyOfEvidence()
    {
        HttpContext.TagPage(CacheTags.Structure);
        return View(new GuidePage
        {
            Title = "How far to trust a finding",
            Description = "What our certainty ratings (high, moderate, low, very low) mean, "
                + "and the five reasons a body of evidence is rated down.",
        });
    }
}
