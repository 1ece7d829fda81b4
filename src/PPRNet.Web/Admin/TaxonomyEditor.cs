using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

public sealed record TermRow(int Id, string Name, string NameFr, string Slug, bool Retired, int Count);

/// <summary>Admins add, rename, retire and delete topics and research types. A renamed or deleted
/// slug becomes an alias, so old links redirect; a term in use is only deleted by moving its
/// summaries to another term.</summary>
public sealed class TaxonomyEditor(BlogDbContext db, AuditLog audit, IStringLocalizer<Ui> t)
{
    /// <summary>The names of the taxonomy forms' fields, which their problems are reported against.</summary>
    public const string NameField = "name", NameFrField = "nameFr", SlugField = "slug", MoveToField = "moveTo";

    public async Task<TaxonomyViewModel> PageAsync(string? message, TermAttempt? attempt, CancellationToken cancellationToken)
    {
        var topicCounts = await db.Summaries.NotTrashed().SelectMany(s => s.Topics).GroupBy(t => t.Id)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var typeCounts = await db.Summaries.NotTrashed().GroupBy(s => s.ResearchTypeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new TaxonomyViewModel
        {
            Topics = (await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken))
                .Select(t => new TermRow(t.Id, t.Name, t.NameFr, t.Slug, t.Retired, topicCounts.GetValueOrDefault(t.Id))).ToList(),
            Types = (await db.ResearchTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken))
                .Select(t => new TermRow(t.Id, t.Name, t.NameFr, t.Slug, t.Retired, typeCounts.GetValueOrDefault(t.Id))).ToList(),
            Message = message,
            Attempt = attempt,
            Title = t["Topics and research types"],
            Description = t["Manage the taxonomy."],
        };
    }

    /// <summary>Null when there is no such term.</summary>
    public async Task<DeleteTermViewModel?> DeletePageAsync(TermKind kind, string kindSlug, int id,
        CancellationToken cancellationToken)
    {
        var page = await PageAsync(null, null, cancellationToken);
        var rows = kind == TermKind.Topic ? page.Topics : page.Types;
        return rows.FirstOrDefault(r => r.Id == id) is { } term
            ? new DeleteTermViewModel
            {
                Kind = kindSlug,
                Term = term,
                Others = rows.Where(r => r.Id != id).ToList(),
                Title = t["Delete {0}", term.Name],
                Description = t["Delete a term and move its summaries."],
            }
            : null;
    }

    /// <summary>Empty when the change was made; otherwise why not, by field.</summary>
    public async Task<IReadOnlyList<FieldError>> AddAsync(TermKind kind, string? name, string? nameFr, string? slug, string user,
        CancellationToken cancellationToken)
    {
        name = Clean(name);
        nameFr = Clean(nameFr);
        var problems = NameProblems(name, nameFr);
        if (!string.IsNullOrEmpty(name))
        {
            slug = string.IsNullOrWhiteSpace(slug) ? SummaryRules.Slugify(name) : slug.Trim();
            if (await SlugProblemAsync(kind, slug, null, cancellationToken) is string problem)
            {
                problems.Add(new FieldError(SlugField, problem));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // A deleted or renamed-away slug that is taken again is live, not an alias any more.
        db.SlugAliases.RemoveRange(await db.SlugAliases.Where(a => a.Kind == kind && a.OldSlug == slug).ToListAsync(cancellationToken));
        if (kind == TermKind.Topic)
        {
            db.Topics.Add(new Topic { Name = name!, NameFr = nameFr!, Slug = slug! });
        }
        else
        {
            db.ResearchTypes.Add(new ResearchType { Name = name!, NameFr = nameFr!, Slug = slug! });
        }

        audit.Record(user, AuditActions.Taxonomy, $"{kind} {slug}", $"added \"{name}\", in French \"{nameFr}\"");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<FieldError>> RenameAsync(TermKind kind, int id, string? name, string? nameFr, string? slug,
        string user, CancellationToken cancellationToken)
    {
        var term = await FindAsync(kind, id, cancellationToken);
        name = Clean(name);
        nameFr = Clean(nameFr);
        slug = slug?.Trim();
        if (term is null)
        {
            return [new FieldError("", t["That term no longer exists."])];
        }

        var problems = NameProblems(name, nameFr);
        if (string.IsNullOrEmpty(slug))
        {
            problems.Add(new FieldError(SlugField, t["Enter a slug."]));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (slug != term.Slug)
        {
            if (await SlugProblemAsync(kind, slug!, term.Id, cancellationToken) is string problem)
            {
                return [new FieldError(SlugField, problem)];
            }

            await AddAliasAsync(kind, term.Slug, slug!, cancellationToken);
        }

        audit.Record(user, AuditActions.Taxonomy, $"{kind} {term.Slug}", $"renamed to \"{name}\", in French \"{nameFr}\" ({slug})");
        term.Name = name!;
        term.NameFr = nameFr!;
        term.Slug = slug!;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<FieldError>> SetRetiredAsync(TermKind kind, int id, bool retired, string user,
        CancellationToken cancellationToken)
    {
        var term = await FindAsync(kind, id, cancellationToken);
        if (term is null)
        {
            return [new FieldError("", t["That term no longer exists."])];
        }

        term.Retired = retired;
        audit.Record(user, AuditActions.Taxonomy, $"{kind} {term.Slug}", retired ? "retired" : "brought back");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<FieldError>> DeleteAsync(TermKind kind, int id, int? moveTo, string user,
        CancellationToken cancellationToken)
    {
        var term = await FindAsync(kind, id, cancellationToken);
        if (term is null)
        {
            return [new FieldError("", t["That term no longer exists."])];
        }

        var target = moveTo is int targetId && targetId != id ? await FindAsync(kind, targetId, cancellationToken) : null;
        var users = kind == TermKind.Topic
            ? await db.Summaries.Include(s => s.Topics).Where(s => s.Topics.Any(t => t.Id == id)).ToListAsync(cancellationToken)
            : await db.Summaries.Where(s => s.ResearchTypeId == id).ToListAsync(cancellationToken);
        if (users.Count > 0 && target is null)
        {
            return [new FieldError(MoveToField,
                t["\"{0}\" is used by {1} summaries (the trash included). Choose where to move them before deleting it.", term.Name, users.Count])];
        }

        foreach (var summary in users)
        {
            if (term is Topic topic && target is Topic newTopic)
            {
                summary.Topics.Remove(topic);
                if (!summary.Topics.Contains(newTopic))
                {
                    summary.Topics.Add(newTopic);
                }
            }
            else if (target is ResearchType newType)
            {
                summary.ResearchTypeId = newType.Id;
            }

            summary.Version++;
        }

        // The old slug now points to the term that took its summaries, or, with no successor, is
        // marked deleted, so an import of taxonomy.yml does not bring the term back.
        await AddAliasAsync(kind, term.Slug, target?.Slug ?? "", cancellationToken);

        db.Remove(term);
        audit.Record(user, AuditActions.Taxonomy, $"{kind} {term.Slug}",
            target is null ? "deleted" : $"deleted; {users.Count} summaries moved to {target.Slug}");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    // Names go into feeds (categories), which XML cannot carry control characters in.
    private static string? Clean(string? name) => ContentLimits.RemoveControlCharactersOrNull(name)?.Trim();

    /// <summary>Every term has both names: English pages show the one, French pages the other, and
    /// neither falls back on the other.</summary>
    private List<FieldError> NameProblems(string? name, string? nameFr) =>
    [
        .. string.IsNullOrEmpty(name) ? [new FieldError(NameField, t["Enter a name."])] : Array.Empty<FieldError>(),
        .. string.IsNullOrEmpty(nameFr) ? [new FieldError(NameFrField, t["Enter a French name."])] : Array.Empty<FieldError>(),
    ];

    private async Task<TaxonomyTerm?> FindAsync(TermKind kind, int id, CancellationToken cancellationToken) => kind == TermKind.Topic
        ? await db.Topics.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
        : await db.ResearchTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    private async Task<string?> SlugProblemAsync(TermKind kind, string slug, int? exceptId, CancellationToken cancellationToken)
    {
        if (!SummaryRules.IsSlug(slug) || slug.Length > ContentLimits.MaxTermSlugLength)
        {
            return t["\"{0}\" is not a slug: use lowercase letters, digits and hyphens.", slug];
        }

        var taken = kind == TermKind.Topic
            ? await db.Topics.AnyAsync(t => t.Slug == slug && t.Id != exceptId, cancellationToken)
            : await db.ResearchTypes.AnyAsync(t => t.Slug == slug && t.Id != exceptId, cancellationToken);
        return taken ? t["The slug \"{0}\" is already in use.", slug].Value : null;
    }

    /// <summary>Points the old slug, and every alias that pointed at it, to the new slug.</summary>
    private async Task AddAliasAsync(TermKind kind, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        var aliases = await db.SlugAliases
            .Where(a => a.Kind == kind && (a.NewSlug == oldSlug || a.OldSlug == newSlug || a.OldSlug == oldSlug))
            .ToListAsync(cancellationToken);
        // A slug that is live again (a new term took it) is no longer an alias.
        foreach (var alias in aliases)
        {
            if (alias.OldSlug == newSlug || alias.OldSlug == oldSlug)
            {
                db.SlugAliases.Remove(alias); // the new slug is live again, or the old one is re-pointed below
            }
            else
            {
                alias.NewSlug = newSlug;
            }
        }

        db.SlugAliases.Add(new SlugAlias { Kind = kind, OldSlug = oldSlug, NewSlug = newSlug });
    }
}
