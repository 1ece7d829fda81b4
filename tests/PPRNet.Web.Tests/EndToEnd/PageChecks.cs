using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>What the accessibility tests check on a page, and the pages they share: axe with no
/// violations, no sideways scrolling, and the French variant of a page or a named scenario.</summary>
internal static class PageChecks
{
    /// <summary>axe-core as Deque bundles it; evaluated by Playwright, so the site's CSP does not stop it.</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    public const string SummaryPath = "/blog/2019/05/therapist-empathy-and-client-outcome";

    /// <summary>The same page in French: "/fr" before a path, "fr:" before a named scenario.</summary>
    public static string InFrench(string which) => which.StartsWith('/') ? "/fr" + which : "fr:" + which;

    public static (string Prefix, string Which) Language(string which) =>
        which.StartsWith("fr:", StringComparison.Ordinal) ? ("/fr", which[3..])
        : which.StartsWith("/fr/", StringComparison.Ordinal) ? ("/fr", which[3..])
        : ("", which);

    public static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        // axe.run in the page itself, as axe-core documents it. Deque's RunAxe for Playwright runs
        // axe frame by frame and finishes each run in a page of its own (runPartial, finishRun):
        // two of the five seconds each check took here, for pages that have no frames.
        // target-size (WCAG 2.2, 2.5.8) is asked for by name: every tap target at least 24 by 24 px
        // or spaced. Only violations are detailed, the only results read.
        await page.EvaluateAsync(AxeScript);
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
            """);
        Assert.True(violations.Length == 0, $"axe violations on {where}:\n{string.Join("\n", violations)}");
    }

    public static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')]" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)\n" +
            "  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow <= 0, $"{where} scrolls sideways by {overflow} px: {wide}");
    }

    /// <summary>Does what submits a form and waits until the page it returns has loaded: its
    /// document's own ready state, polled. Playwright's load-state wait, which follows the frame's
    /// lifecycle events, outlived 30 s now and then under the full suite with the page loaded
    /// (its log showed the later network-idle event fired).</summary>
    public static async Task PostAndLoadAsync(IPage page, Func<Task> submit, string shows)
    {
        await page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "POST");
        await page.WaitForSelectorAsync(shows);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
    }

    public static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
