using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

/// <summary>Saves the "This month..." intros editors write on the web.</summary>
public sealed class MonthIntroEditor(BlogDbContext db, MarkdownRenderer renderer, AuditLog audit, TimeProvider clock,
    IStringLocalizer<Ui> t)
{
    /// <summary>Saves a month's intro; an empty text removes it.</summary>
    public async Task<string> SaveIntroAsync(string month, string? markdown, string user, CancellationToken cancellationToken)
    {
        var issue = await db.MonthIssues.FirstOrDefaultAsync(m => m.Month == month, cancellationToken);
        markdown = ContentLimits.RemoveControlCharacters(markdown?.Trim() ?? "");
        // A removed intro stays as an empty, web-edited row, so a later import does not bring it back.
        issue ??= db.MonthIssues.Add(new MonthIssue { Month = month, IntroMarkdown = "", IntroHtml = "" }).Entity;
        issue.IntroMarkdown = markdown;
        issue.IntroHtml = markdown.Length == 0 ? "" : renderer.ToHtml(markdown);
        issue.RenderedWith = MarkdownRenderer.RenderVersion;
        issue.EditedOnWeb = true;
        issue.UpdatedAt = clock.GetUtcNow();
        issue.UpdatedBy = user;
        audit.Record(user, AuditActions.EditIntro, month, markdown.Length == 0 ? "removed" : null);
        await db.SaveChangesAsync(cancellationToken);
        return markdown.Length == 0
            ? t["Removed the intro of {0}.", SummaryRules.MonthLabel(month)]
            : t["Saved the intro of {0}.", SummaryRules.MonthLabel(month)];
    }
}
