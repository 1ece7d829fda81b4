using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Import;

namespace PPRNet.Web.Admin;

public abstract record SaveOutcome
{
    public sealed record Saved(int Id, string Message) : SaveOutcome;

    /// <summary>Problems were added to the model state, next to their fields.</summary>
    public sealed record Invalid : SaveOutcome;

    public sealed record Conflict(Summary Current, SummaryContent Yours) : SaveOutcome;

    public sealed record Missing : SaveOutcome;
}

/// <summary>Everything editors change about summaries goes through here: the same
/// <see cref="SummaryWriter"/> as the importer, plus optimistic concurrency, a revision for every
/// save and an audit line for every action.</summary>
public sealed class SummaryEditor(
    BlogDbContext db,
    SummaryWriter writer,
    MarkdownRenderer renderer,
    RevisionLog revisions,
    AuditLog audit,
    TimeProvider clock)
{
    public const string FormPrefix = "Form";

    public async Task<SaveOutcome> SaveAsync(SummaryForm form, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        Summary? summary = null;
        if (form.Id is int id)
        {
            summary = await LoadAsync(id, cancellationToken);
            if (summary is null || summary.DeletedAt is not null)
            {
                return new SaveOutcome.Missing();
            }
        }

        var content = await ContentFromAsync(form, summary, modelState, cancellationToken);
        if (content is null)
        {
            return new SaveOutcome.Invalid();
        }

        try
        {
            return await SaveContentAsync(summary, content, form.Version, user, modelState, cancellationToken);
        }
        catch (ContentRejectedException e)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError($"{FormPrefix}.{FormField(e.Field)}", $"The {e.Field} {e.Problem}.");
            return new SaveOutcome.Invalid();
        }
    }

    private static string FormField(string field) => field switch
    {
        "citation" => nameof(SummaryForm.Citation),
        "Practice Implications" => nameof(SummaryForm.Implications),
        _ => nameof(SummaryForm.Body),
    };

    private async Task<SaveOutcome> SaveContentAsync(Summary? summary, SummaryContent content, int formVersion, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (summary is null)
        {
            summary = writer.Create(content);
            summary.Version = 1;
            summary.EditedOnWeb = true;
            summary.UpdatedBy = user;
            db.Summaries.Add(summary);
            await revisions.AddAsync(summary, user, "Created", cancellationToken);
            audit.Record(user, AuditActions.Create, content.Title, Where(content));
            if (content.Status == SummaryStatus.Published)
            {
                audit.Record(user, AuditActions.Publish, content.Title, $"publish date {content.PublishedOn:yyyy-MM-dd}");
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (RevisionLog.IsUniqueViolation(e))
            {
                // Another editor took the same month and slug a moment ago.
                db.ChangeTracker.Clear();
                modelState.AddModelError($"{FormPrefix}.{nameof(SummaryForm.Slug)}",
                    $"Another summary in {SummaryRules.MonthLabel(content.Month)} was just saved with \"{content.Slug}\"; choose another slug.");
                return new SaveOutcome.Invalid();
            }

            return new SaveOutcome.Saved(summary.Id, $"Created \"{summary.Title}\".");
        }

        if (formVersion != summary.Version)
        {
            return new SaveOutcome.Conflict(summary, content);
        }

        var wasPublished = summary.Status == SummaryStatus.Published;
        writer.Apply(summary, content);
        summary.Version++;
        summary.EditedOnWeb = true;
        summary.UpdatedBy = user;
        await revisions.AddAsync(summary, user, "Edited", cancellationToken);
        audit.Record(user, AuditActions.Edit, content.Title, Where(content));
        if (!wasPublished && content.Status == SummaryStatus.Published)
        {
            audit.Record(user, AuditActions.Publish, content.Title, $"publish date {content.PublishedOn:yyyy-MM-dd}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || RevisionLog.IsUniqueViolation(e))
        {
            // Someone saved between our read and our write (their revision may have taken our
            // revision's number before our version check ran): show them the version that won.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(summary.Id, cancellationToken);
            return current is null ? new SaveOutcome.Missing() : new SaveOutcome.Conflict(current, content);
        }

        return new SaveOutcome.Saved(summary.Id, $"Saved \"{summary.Title}\".");
    }

    /// <summary>Restoring is itself a new revision, so it can be undone the same way.</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync(int summaryId, int number, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var summary = await LoadAsync(summaryId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.SummaryId == summaryId && r.Number == number, cancellationToken);
        if (summary is null || summary.DeletedAt is not null || revision is null)
        {
            return new SaveOutcome.Missing();
        }

        var errors = new List<ImportError>();
        var content = SummaryFileParser.Parse($"revision {number}", revision.Markdown, await LookupAsync(cancellationToken), errors);
        if (content is null || await SlugTakenAsync(content.Month, content.Slug, summaryId, cancellationToken))
        {
            modelState.AddModelError("", content is null
                ? $"Revision {number} can no longer be restored: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}"
                : $"Revision {number} used the address {content.Month}/{content.Slug}, which another summary now has.");
            return new SaveOutcome.Invalid();
        }

        writer.Apply(summary, content);
        summary.Version++;
        summary.EditedOnWeb = true;
        summary.UpdatedBy = user;
        await revisions.AddAsync(summary, user, $"Restored revision {number}", cancellationToken);
        audit.Record(user, AuditActions.Restore, summary.Title, $"revision {number}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || RevisionLog.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError("", $"Someone saved this summary at the same moment, so revision {number} was not restored. Check the history and restore it again if it is still wanted.");
            return new SaveOutcome.Invalid();
        }

        return new SaveOutcome.Saved(summary.Id, $"Restored revision {number} of \"{summary.Title}\".");
    }

    public async Task<bool> TrashAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, cancellationToken);
        if (summary is null)
        {
            return false;
        }

        summary.DeletedAt = clock.GetUtcNow();
        summary.DeletedBy = user;
        summary.EditedOnWeb = true;
        summary.Version++;
        audit.Record(user, AuditActions.Delete, summary.Title, "moved to the trash");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RestoreFromTrashAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt != null, cancellationToken);
        if (summary is null)
        {
            return false;
        }

        summary.DeletedAt = null;
        summary.DeletedBy = null;
        summary.Version++;
        summary.UpdatedBy = user;
        summary.UpdatedAt = clock.GetUtcNow();
        audit.Record(user, AuditActions.Restore, summary.Title, "restored from the trash");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes a trashed summary and its history for good (Admins only).</summary>
    public async Task<bool> PurgeAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.Include(s => s.Topics).FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt != null, cancellationToken);
        if (summary is null)
        {
            return false;
        }

        db.Summaries.Remove(summary);
        if (summary.SourcePath is not null && !await db.PurgedSources.AnyAsync(p => p.SourcePath == summary.SourcePath, cancellationToken))
        {
            db.PurgedSources.Add(new PurgedSource { SourcePath = summary.SourcePath, PurgedAt = clock.GetUtcNow(), PurgedBy = user });
        }

        audit.Record(user, AuditActions.Purge, summary.Title, $"{summary.Month}/{summary.Slug} deleted for good");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> ResolveConflictAsync(int conflictId, string user, CancellationToken cancellationToken)
    {
        var conflict = await db.ImportConflicts.Include(c => c.Summary).FirstOrDefaultAsync(c => c.Id == conflictId && c.ResolvedAt == null, cancellationToken);
        if (conflict is null)
        {
            return false;
        }

        conflict.ResolvedAt = clock.GetUtcNow();
        conflict.ResolvedBy = user;
        // The editor has taken what they wanted from this file version: it is no longer news.
        conflict.Summary.ContentHash = conflict.FileHash;
        audit.Record(user, AuditActions.ImportConflict, conflict.SourcePath, $"marked resolved for \"{conflict.Summary.Title}\"");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

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
        return markdown.Length == 0 ? $"Removed the intro of {SummaryRules.MonthLabel(month)}." : $"Saved the intro of {SummaryRules.MonthLabel(month)}.";
    }

    private Task<Summary?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Summaries.Include(s => s.Topics).Include(s => s.ResearchType).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<TaxonomyLookup> LookupAsync(CancellationToken cancellationToken) => new(
        await db.Topics.ToListAsync(cancellationToken),
        await db.ResearchTypes.ToListAsync(cancellationToken),
        await db.SlugAliases.AsNoTracking().ToListAsync(cancellationToken));

    private Task<bool> SlugTakenAsync(string month, string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Summaries.AnyAsync(s => s.Month == month && s.Slug == slug && s.Id != exceptId, cancellationToken);

    /// <summary>Checks what needs the database and turns the form into content for the writer;
    /// null, with each problem next to its field, when it cannot be saved.</summary>
    private async Task<SummaryContent?> ContentFromAsync(SummaryForm form, Summary? existing, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        // Every problem at once: the shape rules, then what needs the database, even when the
        // required-field checks have already failed, so an editor never fixes errors in rounds.
        foreach (var (field, message) in form.ShapeProblems())
        {
            var key = $"{FormPrefix}.{field}";
            if (modelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                modelState.AddModelError(key, message);
            }
        }

        var lookup = await LookupAsync(cancellationToken);
        var type = lookup.ResearchType(form.ResearchType);
        if (form.ResearchType is not null && (type is null || (type.Retired && existing?.ResearchType != type)))
        {
            modelState.AddModelError($"{FormPrefix}.{nameof(SummaryForm.ResearchType)}", "Choose one of the listed types of research.");
        }

        var topics = new List<Topic>();
        foreach (var slug in form.ChosenTopics)
        {
            var topic = lookup.Topic(slug);
            if (topic is null || (topic.Retired && existing?.Topics.Contains(topic) != true))
            {
                modelState.AddModelError($"{FormPrefix}.{nameof(SummaryForm.Topics)}", $"\"{slug}\" is not one of the listed topics.");
            }
            else
            {
                topics.Add(topic);
            }
        }

        var month = form.Month?.Trim();
        var slugText = form.EffectiveSlug;
        if (SummaryRules.TryParseMonth(month, out _) && SummaryRules.IsSlug(slugText)
            && await SlugTakenAsync(month!, slugText, existing?.Id, cancellationToken))
        {
            modelState.AddModelError($"{FormPrefix}.{nameof(SummaryForm.Slug)}",
                $"Another summary in {SummaryRules.MonthLabel(month!)} already uses \"{slugText}\" (perhaps one in the trash); choose another slug.");
        }

        if (!modelState.IsValid || type is null || month is null)
        {
            return null;
        }

        return new SummaryContent
        {
            Title = form.Title!.Trim(),
            Month = month,
            Slug = slugText,
            ResearchType = type,
            Topics = topics,
            Citation = form.Citation!.Trim(),
            Doi = SummaryRules.NormalizeDoi(form.Doi),
            AuthorEmail = string.IsNullOrWhiteSpace(form.AuthorEmail) ? null : form.AuthorEmail.Trim(),
            Status = form.Status,
            PublishedOn = form.PublishedOn ?? SummaryRules.FirstDay(month),
            Studies = form.Studies,
            Participants = form.Participants,
            Effect = string.IsNullOrWhiteSpace(form.Effect) ? null : form.Effect.Trim(),
            BodyMarkdown = form.Body!,
            ImplicationsMarkdown = form.Implications!,
        };
    }

    private static string Where(SummaryContent content) =>
        $"{content.Month}/{content.Slug} ({(content.Status == SummaryStatus.Draft ? "draft" : $"published {content.PublishedOn:yyyy-MM-dd}")})";
}
