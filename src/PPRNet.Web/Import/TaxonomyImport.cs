using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>taxonomy.yml's part of a content import.</summary>
public static class TaxonomyImport
{
    /// <summary>Adds terms the database does not have yet. Existing terms are left alone, and so is
    /// a slug an editor has renamed away from: taxonomy is managed on the web once imported. The one
    /// exception is a French name nobody has given yet (see <see cref="Translate"/>).</summary>
    public static async Task<TaxonomyLookup> AddMissingAsync(BlogDbContext db, TaxonomyFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var aliases = await db.SlugAliases.ToListAsync(cancellationToken);
        var topics = await db.Topics.ToListAsync(cancellationToken);
        var types = await db.ResearchTypes.ToListAsync(cancellationToken);
        AddMissing(file.Topics!.OfType<TaxonomyFile.Entry>().ToList(), topics, TermKind.Topic,
            entry => db.Topics.Add(new Topic { Slug = entry.Slug!, Name = entry.Name!.Trim(), NameFr = entry.NameFr!.Trim() }).Entity);
        AddMissing(file.ResearchTypes!.OfType<TaxonomyFile.Entry>().ToList(), types, TermKind.ResearchType,
            entry => db.ResearchTypes.Add(new ResearchType { Slug = entry.Slug!, Name = entry.Name!.Trim(), NameFr = entry.NameFr!.Trim() })
                .Entity);
        return new TaxonomyLookup(topics, types, aliases);

        void AddMissing<T>(List<TaxonomyFile.Entry> entries, List<T> existing, TermKind kind, Func<TaxonomyFile.Entry, T> add)
            where T : TaxonomyTerm
        {
            foreach (var entry in entries)
            {
                if (existing.Find(t => t.Slug == entry.Slug) is { } term)
                {
                    Translate(term, entry);
                }
                else if (!aliases.Any(a => a.Kind == kind && a.OldSlug == entry.Slug))
                {
                    existing.Add(add(entry));
                }
            }
        }
    }

    /// <summary>True when every term the file names is in the database under its slug, with no French
    /// name for <see cref="Translate"/> to give, so that <see cref="AddMissingAsync"/> would change
    /// nothing. False means only that it may (a missing slug may be one an editor renamed away from).</summary>
    public static bool ChangesNothing(TaxonomyFile file, (List<TaxonomyTermRow> Topics, List<TaxonomyTermRow> Types) terms)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Current(file.Topics!, terms.Topics) && Current(file.ResearchTypes!, terms.Types);

        static bool Current(IEnumerable<TaxonomyFile.Entry?> entries, List<TaxonomyTermRow> rows)
        {
            var bySlug = rows.ToDictionary(r => r.Slug, StringComparer.Ordinal);
            return entries.OfType<TaxonomyFile.Entry>()
                .All(entry => bySlug.TryGetValue(entry.Slug!, out var term) && !Retranslates(term.Name, term.NameFr, entry));
        }
    }

    /// <summary>The migration that brought French names gave every term its English name as its French
    /// one, so upgrading could not fail; a term still in that state takes the file's French name. A
    /// French name an editor has given differs from the English one and is kept.</summary>
    private static void Translate(TaxonomyTerm term, TaxonomyFile.Entry entry)
    {
        if (Retranslates(term.Name, term.NameFr, entry))
        {
            term.NameFr = entry.NameFr!.Trim();
        }
    }

    /// <summary>A name the same in both languages ("Burnout") is left as it is: the file says so too.</summary>
    private static bool Retranslates(string name, string nameFr, TaxonomyFile.Entry entry) =>
        nameFr == name && entry.NameFr!.Trim() != nameFr;
}
