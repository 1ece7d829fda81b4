using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>Looks up the topics and research types a summary file may name: by slug, by English or
/// French name, or by a slug the term had before an editor renamed it.</summary>
public sealed class TaxonomyLookup
{
    private readonly Dictionary<string, Topic> topics;
    private readonly Dictionary<string, ResearchType> types;

    public TaxonomyLookup(IEnumerable<Topic> topics, IEnumerable<ResearchType> types, IEnumerable<SlugAlias>? aliases = null)
    {
        this.topics = Index(topics, aliases, TermKind.Topic);
        this.types = Index(types, aliases, TermKind.ResearchType);
    }

    /// <summary>Tracks the terms again after the import forgot its tracked rows between batches,
    /// without the summaries EF had linked to them.</summary>
    public void AttachTo(BlogDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var topic in topics.Values.Distinct())
        {
            topic.Summaries.Clear();
            db.Attach(topic);
        }

        foreach (var type in types.Values.Distinct())
        {
            type.Summaries.Clear();
            db.Attach(type);
        }
    }

    public Topic? Topic(string? key) => string.IsNullOrWhiteSpace(key) ? null : topics.GetValueOrDefault(key.Trim());
    public ResearchType? ResearchType(string? key) => string.IsNullOrWhiteSpace(key) ? null : types.GetValueOrDefault(key.Trim());

    private static Dictionary<string, T> Index<T>(IEnumerable<T> terms, IEnumerable<SlugAlias>? aliases, TermKind kind)
        where T : TaxonomyTerm
    {
        var index = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var all = terms.ToList();
        foreach (var term in all)
        {
            index.TryAdd(term.Slug, term);
            index.TryAdd(term.Name, term);
        }

        // After every slug and English name, so a French name that happens to be another term's
        // English name never takes it over.
        foreach (var term in all)
        {
            index.TryAdd(term.NameFr, term);
        }

        // An alias with no new slug marks a deleted term: known, so never re-added, but naming nothing.
        foreach (var alias in aliases?.Where(a => a.Kind == kind && a.NewSlug.Length > 0) ?? [])
        {
            if (index.TryGetValue(alias.NewSlug, out var term))
            {
                index.TryAdd(alias.OldSlug, term);
            }
        }

        return index;
    }
}
