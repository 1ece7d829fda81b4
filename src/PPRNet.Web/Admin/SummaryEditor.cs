using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Import;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

public abstract record SaveOutcome
{
    public sealed record Saved(int Id, string Message) : SaveOutcome;

    /// <summary>Nothing was saved; each problem names the form field it belongs beside ("" for the whole form).</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SaveOutcome;

    public sealed record Conflict(Summary Current, SummaryContent Yours) : SaveOutcome;

    public sealed record Missing : SaveOutcome;
}

/// <summary>Everything editors change about summaries goes through here: the same
/// <see cref="SummaryWriter"/> as the importer, plus optimistic concurrency, a revision for every
/// save and an audit line for every action.</summary>
public sealed class SummaryEditor(
    BlogDbContext db,
    SummaryWriter writer,
    RevisionLog revisions,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<Ui> t)
{
    public const string FormPrefix = "Form";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="bindingErrors">Problems model binding already found (required fields, lengths),
    /// so that every message shows at once rather than in rounds.</param>
    public async Task<SaveOutcome> SaveAsync(SummaryForm form, string user, IReadOnlyList<FieldError> bindingErrors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(bindingErrors);
        Summary? summary = null;
        if (form.Id is int id)
        {
            summary = await LoadAsync(id, cancellationToken);
            if (summary is null || summary.DeletedAt is not null)
            {
                return new SaveOutcome.Missing();
            }
        }

        var (content, errors) = await ContentFromAsync(form, summary, bindingErrors, cancellationToken);
        if (content is null)
        {
            return new SaveOutcome.Invalid(errors);
        }

        try
        {
            return await SaveContentAsync(summary, content, form.Version, user, cancellationToken);
        }
        catch (ContentRejectedException e)
        {
            db.ChangeTracker.Clear();
            return Invalid(FormField(e.Field), $"The {e.Field} {e.Problem}.");
        }
    }

    /// <summary>What a save would refuse, without saving anything: the preview shows the same
    /// messages beside the same fields.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(SummaryForm form, IReadOnlyList<FieldError> bindingErrors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var existing = form.Id is int id ? await LoadAsync(id, cancellationToken) : null;
        return (await ContentFromAsync(form, existing, bindingErrors, cancellationToken)).Errors;
    }

    private static SaveOutcome.Invalid Invalid(string field, string message) => new([new FieldError(field, message)]);

    /// <summary>The form field of a section the rendering pipeline refused.</summary>
    public static string FormField(string field) => field switch
    {
        "citation" => nameof(SummaryForm.Citation),
        "bottom line" => nameof(SummaryForm.BottomLine),
        "Practice Implications" => nameof(SummaryForm.Implications),
        "limitations" => nameof(SummaryForm.Limitations),
        _ => nameof(SummaryForm.Body),
    };

    private async Task<SaveOutcome> SaveContentAsync(Summary? summary, SummaryContent content, int formVersion, string user,
        CancellationToken cancellationToken)
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
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another editor took the same month and slug a moment ago.
                db.ChangeTracker.Clear();
                return Invalid(nameof(SummaryForm.Slug),
                    t["Another summary in {0} was just saved with \"{1}\"; choose another slug.",
                        SummaryRules.MonthLabel(content.Month), content.Slug]);
            }

            return new SaveOutcome.Saved(summary.Id, t["Created \"{0}\".", summary.Title]);
        }

        if (formVersion != summary.Version)
        {
            return new SaveOutcome.Conflict(summary, content);
        }

        var wasPublished = summary.Status == SummaryStatus.Published;
        ApplyEdit(summary, content);
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
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            // Someone saved between our read and our write (their revision may have taken our
            // revision's number before our version check ran): show them the version that won.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(summary.Id, cancellationToken);
            return current is null ? new SaveOutcome.Missing() : new SaveOutcome.Conflict(current, content);
        }

        return new SaveOutcome.Saved(summary.Id, t["Saved \"{0}\".", summary.Title]);
    }

    /// <summary>An edit of a summary readers could already see is dated, so they know it changed.</summary>
    private void ApplyEdit(Summary summary, SummaryContent content)
    {
        // Public on an earlier day: changes made on the publish day itself are not revisions.
        var wasPublic = SummaryQueries.IsPublic(summary.Status, summary.DeletedAt, summary.PublishedOn, Today.AddDays(-1));
        var revised = summary.RevisedOn;
        writer.Apply(summary, content);
        summary.RevisedOn = wasPublic && summary.Status == SummaryStatus.Published ? Today : content.RevisedOn ?? revised;
    }

    /// <summary>Restoring is itself a new revision, so it can be undone the same way.</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync(int summaryId, int number, string user, CancellationToken cancellationToken)
    {
        var summary = await LoadAsync(summaryId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.SummaryId == summaryId && r.Number == number,
            cancellationToken);
        if (summary is null || summary.DeletedAt is not null || revision is null)
        {
            return new SaveOutcome.Missing();
        }

        var errors = new List<ImportError>();
        var content = SummaryFileParser.Parse($"revision {number}", revision.Markdown, await LookupAsync(cancellationToken), errors);
        if (content is null || await SlugTakenAsync(content.Month, content.Slug, summaryId, cancellationToken))
        {
            return Invalid("", content is null
                ? t["Revision {0} can no longer be restored: {1}", number,
                    string.Join("; ", errors.Select(e => e.Problem).Select(p => $"{p.Field}: {p.Message}"))]
                : t["Revision {0} used the address {1}, which another summary now has.", number, $"{content.Month}/{content.Slug}"]);
        }

        ApplyEdit(summary, content);
        summary.Version++;
        summary.EditedOnWeb = true;
        summary.UpdatedBy = user;
        await revisions.AddAsync(summary, user, $"Restored revision {number}", cancellationToken);
        audit.Record(user, AuditActions.Restore, summary.Title, $"revision {number}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Invalid("",
                t["Someone saved this summary at the same moment, so revision {0} was not restored. Check the history and restore it again if it is still wanted.",
                    number]);
        }

        return new SaveOutcome.Saved(summary.Id, t["Restored revision {0} of \"{1}\".", number, summary.Title]);
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
    /// null, with each problem named by its field, when it cannot be saved.</summary>
    private async Task<(SummaryContent? Content, List<FieldError> Errors)> ContentFromAsync(
        SummaryForm form, Summary? existing, IReadOnlyList<FieldError> bindingErrors, CancellationToken cancellationToken)
    {
        // Every problem at once: the shape rules, then what needs the database, even when the
        // required-field checks have already failed, so an editor never fixes errors in rounds.
        var errors = new List<FieldError>();
        errors.AddRange(form.ShapeProblems(t).Where(problem => !bindingErrors.Contains(problem)));

        var lookup = await LookupAsync(cancellationToken);
        var type = lookup.ResearchType(form.ResearchType);
        if (form.ResearchType is not null && (type is null || (type.Retired && existing?.ResearchType != type)))
        {
            errors.Add(new FieldError(nameof(SummaryForm.ResearchType), t["Choose one of the listed types of research."]));
        }

        var topics = new List<Topic>();
        foreach (var slug in form.ChosenTopics)
        {
            var topic = lookup.Topic(slug);
            if (topic is null || (topic.Retired && existing?.Topics.Contains(topic) != true))
            {
                errors.Add(new FieldError(nameof(SummaryForm.Topics), t["\"{0}\" is not one of the listed topics.", slug]));
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
            errors.Add(new FieldError(nameof(SummaryForm.Slug),
                t["Another summary in {0} already uses \"{1}\" (perhaps one in the trash); choose another slug.",
                    SummaryRules.MonthLabel(month!), slugText]));
        }

        if (errors.Count > 0 || bindingErrors.Count > 0 || type is null || month is null)
        {
            return (null, errors);
        }

        return (form.ToContent(type, topics, month), errors);
    }

    private static string Where(SummaryContent content) =>
        $"{content.Month}/{content.Slug} "
        + $"({(content.Status == SummaryStatus.Draft ? "draft" : $"published {content.PublishedOn:yyyy-MM-dd}")})";
}
