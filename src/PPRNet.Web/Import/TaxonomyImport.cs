using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>taxonomy.yml's part of a content import.</summary>
public static class TaxonomyImport
{
    /// <summary>Adds terms the database does not have yet. Existing terms are left alone, and so is
    /// a slug an editor has renamed away from: taxonomy is managed on the web once imported.</summary>
    public static async Task<TaxonomyLookup> AddMissingAsync(BlogDbContext db, TaxonomyFile file, CancellationToken cancellationToken)
    {
        var aliases = await db.SlugAliases.ToListAsync(cancellationToken);
        var topics = await db.Topics.ToListAsync(cancellationToken);
        var types = await db.ResearchTypes.ToListAsync(cancellationToken);
        AddMissing(file.Topics!.OfType<TaxonomyFile.Entry>().ToList(), topics, TermKind.Topic,
            entry => db.Topics.Add(new Topic { Slug = entry.Slug!, Name = entry.Name!.Trim() }).Entity);
        AddMissing(file.ResearchTypes!.OfType<TaxonomyFile.Entry>().ToList(), types, TermKind.ResearchType,
            entry => db.ResearchTypes.Add(new ResearchType { Slug = entry.Slug!, Name = entry.Name!.Trim() }).Entity);
        return new TaxonomyLookup(topics, types, aliases);

        void AddMissing<T>(List<TaxonomyFile.Entry> entries, List<T> existing, TermKind kind, Func<TaxonomyFile.Entry, T> add)
            where T : TaxonomyTerm
        {
            foreach (var entry in entries)
            {
                var known = existing.Any(t => t.Slug == entry.Slug) || aliases.Any(a => a.Kind == kind && a.OldSlug == entry.Slug);
                if (!known)
                {
                    existing.Add(add(entry));
                }
            }
        }
    }
}
