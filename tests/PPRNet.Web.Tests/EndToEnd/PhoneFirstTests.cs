using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>A clinician on a 360 by 740 phone sees what they came for on the first screen: the first
/// result after filtering or searching, and a summary's bottom line; focus never hides under the
/// filters' sticky button.</summary>
public sealed class PhoneFirstTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const int ScreenHeight = 740;
    private const string SummaryPath = "/blog/2019/05/therapist-empathy-and-client-outcome";

    private async Task<IPage> OnPhoneAsync(string path, bool javaScript = true)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = ScreenHeight },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.BaseUrl + path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    private static Task<double> TopOfAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>($"() => document.querySelector(\"{selector}\").getBoundingClientRect().top");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_filtering_the_archive_the_first_result_is_on_the_first_screen(bool javaScript)
    {
        var page = await OnPhoneAsync("/blog", javaScript);

        // What a reader does: unfold the filters, tick, show.
        await page.ClickAsync(".filters-summary");
        await page.CheckAsync("form.filter-form input[name=topic][value=empathy]");
        await page.CheckAsync("form.filter-form input[name=type][value=meta-analysis]");
        await page.ClickAsync("form.filter-form button[type=submit]");
        // Waits on what the reader sees (the new address and the narrowed summary line), polled, not
        // on the load event: under the full suite's load a load-event wait once outlived its 30 s.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/blog\?type=meta-analysis&topic=empathy$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".filters-summary"))
            .ToHaveTextAsync("Narrowed to Meta-analysis; Empathy – change", new() { Timeout = 30_000 });

        var top = await TopOfAsync(page, ".archive-results .card");
        Assert.True(top + 40 < ScreenHeight, $"the first result starts {top:0} px down, below the first screen");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_a_search_the_first_result_is_on_the_first_screen(bool javaScript)
    {
        var page = await OnPhoneAsync("/search?q=empathy", javaScript);

        var top = await TopOfAsync(page, ".archive-results .card");

        Assert.True(top + 40 < ScreenHeight, $"the first result starts {top:0} px down, below the first screen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_summarys_first_sentence_of_its_bottom_line_is_on_the_first_screen()
    {
        var page = await OnPhoneAsync(SummaryPath);

        var bottom = await page.EvaluateAsync<double>("""
            () => {
              const text = document.querySelector('.bottom-line p').firstChild;
              const end = text.textContent.indexOf('. ') + 1;
              const range = document.createRange();
              range.setStart(text, 0);
              range.setEnd(text, end > 0 ? end : text.textContent.length);
              return range.getBoundingClientRect().bottom;
            }
            """);

        Assert.True(bottom <= ScreenHeight, $"the bottom line's first sentence ends {bottom:0} px down");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tabbing_through_the_filters_never_leaves_the_focus_under_the_sticky_button()
    {
        var page = await OnPhoneAsync("/blog");
        await page.ClickAsync(".filters-summary");
        await page.FocusAsync(".filters-summary");

        var hidden = new List<string>();
        for (var press = 0; press < 60; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var covered = await page.EvaluateAsync<string?>("""
                () => {
                  const focused = document.activeElement;
                  if (!focused || !focused.closest('#filters') || focused.closest('.filter-buttons')) return null;
                  const box = focused.getBoundingClientRect();
                  const bar = document.querySelector('.filter-buttons').getBoundingClientRect();
                  const overlaps = box.bottom > bar.top && box.top < bar.bottom;
                  return overlaps ? (focused.value || focused.name) : null;
                }
                """);
            if (covered is not null)
            {
                hidden.Add(covered);
            }
        }

        Assert.Empty(hidden);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, true)]
    [InlineData(360, false)]
    public async Task With_room_beside_the_results_the_filters_are_open_and_on_a_phone_they_are_folded(int width, bool open)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/blog?topic=empathy");

        Assert.Equal(open, await page.Locator("form.filter-form input[name=topic][value=empathy]").IsVisibleAsync());
        await context.CloseAsync();
    }
}
