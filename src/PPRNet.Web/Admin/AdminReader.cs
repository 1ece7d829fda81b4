using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

/// <summary>Builds the editors' pages: dashboard, forms with their previews, history, trash, audit.</summary>
public sealed class AdminReader(BlogDbContext db, MarkdownRenderer renderer, SummaryWriter writer, TimeProvider clock,
    IStringLocalizer<Ui> t)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<DashboardViewModel> DashboardAsync(string? state, string? month, string? query,
        bool isAdmin, string? message, CancellationToken cancellationToken)
    {
        var today = Today;
        var summaries = db.Summaries.AsNoTracking().NotTrashed();
        PublicationState? wanted = Enum.TryParse<PublicationState>(state, ignoreCase: true, out var parsed) ? parsed : null;
        summaries = wanted switch
        {
            PublicationState.Draft => summaries.Where(s => s.Status == SummaryStatus.Draft),
            PublicationState.Scheduled => summaries.Scheduled(today),
            PublicationState.Published => summaries.Published(today),
            _ => summaries,
        };

        month = SummaryRules.TryParseMonth(month, out var validMonth) ? validMonth : null;
        if (month is not null)
        {
            summaries = summaries.InMonth(month);
        }

        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (query is not null)
        {
            var pattern = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            summaries = summaries.Where(s => EF.Functions.Like(s.Title, pattern, "\\"));
        }

        var rows = await summaries
            .OrderByDescending(s => s.Month).ThenBy(s => s.Title)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.Month,
                s.Status,
                s.PublishedOn,
                Type = s.ResearchType.Name,
                TypeFr = s.ResearchType.NameFr,
                s.UpdatedBy,
                s.UpdatedAt,
            })
            .ToListAsync(cancellationToken);

        return new DashboardViewModel
        {
            Rows = rows.Select(r => new DashboardRow(r.Id, r.Title, r.Month, State(r.Status, r.PublishedOn, today),
                r.PublishedOn, SiteLanguage.IsFrench ? r.TypeFr : r.Type, r.UpdatedBy, r.UpdatedAt)).ToList(),
            Conflicts = await OpenConflicts().ToListAsync(cancellationToken),
            Months = await db.Summaries.AsNoTracking().NotTrashed()
                .Select(s => s.Month).Distinct().OrderByDescending(m => m).ToListAsync(cancellationToken),
            State = wanted,
            Month = month,
            Query = query,
            TrashCount = await db.Summaries.Trashed().CountAsync(cancellationToken),
            IsAdmin = isAdmin,
            Message = message,
            Title = t["Editors' desk"],
            Description = t["Every summary, draft, scheduled and published."],
        };
    }

    // The dashboard lists no trashed summaries, so a live one is public or scheduled by its date.
    private static PublicationState State(SummaryStatus status, DateOnly publishedOn, DateOnly today) =>
        !SummaryQueries.IsLive(status, deletedAt: null) ? PublicationState.Draft
        : SummaryQueries.HasCome(publishedOn, today) ? PublicationState.Published
        : PublicationState.Scheduled;

    /// <summary>A term's name in the page's language.</summary>
    private static string NameOf(TaxonomyTerm term) => SiteLanguage.IsFrench ? term.NameFr : term.Name;

    private IQueryable<ConflictRow> OpenConflicts() =>
        db.ImportConflicts.AsNoTracking().Where(c => c.ResolvedAt == null)
            .OrderByDescending(c => c.Id)
            .Select(c => new ConflictRow(c.Id, c.SummaryId, c.Summary.Title, c.SourcePath, c.DetectedAt));

    public async Task<SummaryForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.AsNoTracking().Include(s => s.Topics).Include(s => s.ResearchType)
            .FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, cancellationToken);
        return summary is null ? null : SummaryForm.From(summary);
    }

    public async Task<SummaryFormPage> FormPageAsync(SummaryForm form, bool preview, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var types = await db.ResearchTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return new SummaryFormPage
        {
            Form = form,
            Topics = topics.Where(t => !t.Retired || form.Topics.Contains(t.Slug))
                .Select(t => new Choice(t.Slug, NameOf(t), form.Topics.Contains(t.Slug))).ToList(),
            Types = types.Where(t => !t.Retired || form.ResearchType == t.Slug)
                .Select(t => new Choice(t.Slug, NameOf(t), form.ResearchType == t.Slug)).ToList(),
            Preview = preview ? Preview(form, topics, types) : null,
            PublicUrl = form.Id is null ? null : await PublicUrlAsync(form.Id, cancellationToken),
            Message = message,
            Title = form.Id is null ? t["New summary"] : t["Edit: {0}", form.Title ?? ""],
            Description = t["The summary form."],
        };
    }

    /// <summary>The stored summary's public address, not the typed one: null until readers can see it.</summary>
    private async Task<string?> PublicUrlAsync(int? id, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stored = await db.Summaries.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Month, s.Slug, s.Status, s.DeletedAt, s.PublishedOn }).FirstOrDefaultAsync(cancellationToken);
        return stored is not null && SummaryQueries.IsPublic(stored.Status, stored.DeletedAt, stored.PublishedOn, today)
            ? BlogUrls.Summary(stored.Month, stored.Slug)
            : null;
    }

    /// <summary>Renders the form exactly as readers would see it, through the same mapping and
    /// pipeline as a save and the same page model and partial view as the public summary page,
    /// whether or not it is valid yet; null when the pipeline refuses a field.</summary>
    private SummaryViewModel? Preview(SummaryForm form, List<Topic> topics, List<ResearchType> types)
    {
        var month = SummaryRules.TryParseMonth(form.Month?.Trim(), out var valid)
            ? valid
            : clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var type = types.Find(t => t.Slug == form.ResearchType)
            ?? new ResearchType { Slug = "", Name = t["(no type yet)"], NameFr = "(pas encore de type)" };
        var chosen = topics.Where(t => form.Topics.Contains(t.Slug)).ToList();
        var content = form.ToContent(type, chosen, month, string.IsNullOrWhiteSpace(form.Title) ? t["(no title yet)"].Value : null);
        try
        {
            var summary = SummaryPageRow.From(writer.Create(content));
            return SummaryViewModel.Create(summary, new TaxonomyLink(type.Slug, type.Name),
                chosen.Select(t => new TaxonomyLink(t.Slug, t.Name)).ToList());
        }
        catch (ContentRejectedException)
        {
            return null;
        }
    }

    public async Task<ConflictViewModel> ConflictPageAsync(Summary current, SummaryContent yours,
        SummaryForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(form);
        var theirs = SummaryMarkdown.Write(current);
        var mine = SummaryMarkdown.Write(yours);
        form.Version = current.Version; // saving again now is a deliberate choice to replace their version
        return new ConflictViewModel
        {
            Yours = await FormPageAsync(form, preview: false, message: null, cancellationToken),
            TheirsMarkdown = theirs,
            YoursMarkdown = mine,
            Diff = LineDiff.Compare(theirs, mine),
            TheirsBy = current.UpdatedBy,
            TheirsAt = current.UpdatedAt,
            Title = t["Conflict: {0}", current.Title],
            Description = t["Someone else saved this summary while you were editing it."],
        };
    }

    public async Task<HistoryViewModel?> HistoryAsync(int id, string? message, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.AsNoTracking()
            .Where(s => s.Id == id).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        return new HistoryViewModel
        {
            SummaryId = summary.Id,
            SummaryTitle = summary.Title,
            Revisions = await db.Revisions.AsNoTracking().Where(r => r.SummaryId == id).OrderByDescending(r => r.Number)
                .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.CreatedBy, r.Note)).ToListAsync(cancellationToken),
            Message = message,
            Title = t["History: {0}", summary.Title],
            Description = t["Every saved version of this summary."],
        };
    }

    public async Task<RevisionDiffViewModel?> RevisionDiffAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        var title = await db.Summaries.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);
        var pair = await db.Revisions.AsNoTracking()
            .Where(r => r.SummaryId == id && (r.Number == from || r.Number == to)).ToListAsync(cancellationToken);
        var before = pair.Find(r => r.Number == from);
        var after = pair.Find(r => r.Number == to);
        if (title is null || before is null || after is null)
        {
            return null;
        }

        return new RevisionDiffViewModel
        {
            SummaryId = id,
            SummaryTitle = title,
            From = new RevisionRow(before.Number, before.CreatedAt, before.CreatedBy, before.Note),
            To = new RevisionRow(after.Number, after.CreatedAt, after.CreatedBy, after.Note),
            Diff = LineDiff.Compare(before.Markdown, after.Markdown),
            Title = t["Changes in {0}", title],
            Description = t["What changed between revisions {0} and {1}.", from, to],
        };
    }

    public async Task<TrashViewModel> TrashAsync(bool isAdmin, string? message, CancellationToken cancellationToken) => new()
    {
        Rows = await db.Summaries.AsNoTracking().Trashed().OrderByDescending(s => s.DeletedAt)
            .Select(s => new TrashRow(s.Id, s.Title, s.Month, s.DeletedAt!.Value, s.DeletedBy)).ToListAsync(cancellationToken),
        IsAdmin = isAdmin,
        Message = message,
        Title = t["Trash"],
        Description = t["Deleted summaries, which can be restored."],
    };

    public async Task<ImportConflictViewModel?> ImportConflictAsync(int id, CancellationToken cancellationToken)
    {
        var conflict = await db.ImportConflicts.AsNoTracking().Include(c => c.Summary).ThenInclude(s => s.Topics)
            .Include(c => c.Summary).ThenInclude(s => s.ResearchType)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conflict is null)
        {
            return null;
        }

        return new ImportConflictViewModel
        {
            Conflict = new ConflictRow(conflict.Id, conflict.SummaryId, conflict.Summary.Title, conflict.SourcePath, conflict.DetectedAt),
            Diff = LineDiff.Compare(SummaryMarkdown.Write(conflict.Summary), conflict.FileMarkdown.ReplaceLineEndings("\n")),
            Resolved = conflict.ResolvedAt is not null,
            Title = t["Import conflict: {0}", conflict.SourcePath],
            Description = t["A content file changed after the summary was edited on the web."],
        };
    }

    public async Task<AuditViewModel> AuditAsync(CancellationToken cancellationToken) => new()
    {
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken),
        Title = t["Audit log"],
        Description = t["Sign-ins and every change to the archive, newest first."],
    };

    public async Task<MonthsViewModel> MonthsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Summaries.AsNoTracking().NotTrashed().GroupBy(s => s.Month)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Month, g => g.Count, cancellationToken);
        var intros = await db.MonthIssues.AsNoTracking()
            .Where(m => m.IntroMarkdown != "").Select(m => m.Month).ToListAsync(cancellationToken);
        return new MonthsViewModel
        {
            Months = counts.Keys.Union(intros).OrderDescending(StringComparer.Ordinal)
                .Select(m => new MonthRow(m, counts.GetValueOrDefault(m), intros.Contains(m))).ToList(),
            Title = t["Month intros"],
            Description = t["The \"This month...\" intro of each month."],
        };
    }

    public async Task<IntroFormPage> IntroPageAsync(IntroForm? form, string month, bool preview,
        string? message, CancellationToken cancellationToken)
    {
        form ??= new IntroForm
        {
            Month = month,
            Markdown = await db.MonthIssues.AsNoTracking()
                .Where(m => m.Month == month).Select(m => m.IntroMarkdown).FirstOrDefaultAsync(cancellationToken),
        };
        return new IntroFormPage
        {
            Form = form,
            PreviewHtml = preview ? renderer.ToHtml(form.Markdown ?? "") : null,
            Message = message,
            Title = t["Intro for {0}", SummaryRules.MonthLabel(month)],
            Description = t["The month's \"This month...\" intro."],
        };
    }
}
