using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;

namespace PPRNet.Web.Tests.Support;

/// <summary>A site of the test's own whose mail goes to smtp4dev, with a small archive: April 2021
/// (an intro and two summaries: one on empathy and training, one on the alliance) and March 2021
/// (one summary on depression).</summary>
public sealed class MailSite : BlogSite
{
    private readonly TestContent content;
    private readonly int smtpPort;
    private readonly Dictionary<string, string?> extra;

    private MailSite(TestContent content, int smtpPort, Dictionary<string, string?> extra, string? databasePath)
        : base(content.Root, databasePath)
    {
        this.content = content;
        this.smtpPort = smtpPort;
        this.extra = extra;
    }

    /// <summary>A new site; <paramref name="settings"/> override the mail settings, and
    /// <paramref name="moreContent"/> adds a test's own files to the archive before it is imported.</summary>
    public static async Task<MailSite> StartAsync(int smtpPort, Dictionary<string, string?>? settings = null, string? databasePath = null,
        Action<TestContent>? moreContent = null)
    {
        var content = new TestContent();
        content.WriteSummary("2021-04", "mindful-empathy", new Dictionary<string, string?>
        {
            ["title"] = "\"Mindfulness and Empathy in Therapists\"",
            ["topics"] = "[empathy, training]",
            ["citation"] = "\"Cooper, D., & Yap, K. (2020). Mindfulness and empathy. *Mindfulness, 11*(10), 2243–2257.\"",
            ["bottom_line"] = "\"Therapists who rated themselves as more mindful reported *more perspective taking*.\"",
            ["effect_size"] = "\n  statistic: r\n  value: 0.27\n  ci: [0.09, 0.44]\n  outcome: \"mindfulness and empathy\"",
            ["certainty"] = "very-low",
            ["certainty_reasons"] = "[indirectness, imprecision]",
            ["certainty_note"] = "\"One-time self-reports of general tendencies, not of empathy with clients.\"",
        },
        body: "Mindful therapists took other people's perspective more readily.",
        implications: "Ask clients how well they feel understood.");
        content.WriteSummary("2021-04", "alliance-voices", new Dictionary<string, string?>
        {
            ["title"] = "\"What Clients Say About the Alliance\"",
            ["research_type"] = "qualitative",
            ["topics"] = "[alliance]",
        }, body: "Clients described the relationship in their own words.", implications: "Invite feedback on the relationship.");
        content.WriteSummary("2021-03", "depression-study", new Dictionary<string, string?>
        {
            ["title"] = "\"Treating Depression\"",
            ["topics"] = "[depression]",
        });
        content.Write("issues/2021-04.md", "This month we read about *empathy* and the alliance.");
        moreContent?.Invoke(content);
        var site = new MailSite(content, smtpPort, settings ?? [], databasePath);
        await site.AddStaffAsync();
        return site;
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:StartTls"] = "false";
            settings["Mail:From"] = "PPRNet Research Blog <digest@pprnet.example>";
            settings["Mail:ReplyTo"] = "editors@pprnet.example";
            settings["Mail:MessagesPerMinute"] = "6000";
            settings["Mail:PollSeconds"] = "1";
            settings["Mail:RetryBaseSeconds"] = "1";
            settings["Mail:PickupFolder"] = Path.Combine(content.Root, "mail");
            settings["RateLimits:SubscribePerAddress:PermitLimit"] = "100000";
            settings["RateLimits:SubscribePerEmail:PermitLimit"] = "100000";
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>Runs something against the site's database.</summary>
    public async Task<T> DbAsync<T>(Func<BlogDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BlogDbContext>());
    }

    public Task<PPRNet.Web.Mail.SubscriberStatus> StatusOfAsync(string email) =>
        DbAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync(TestContext.Current.CancellationToken));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        content.Dispose();
    }
}
