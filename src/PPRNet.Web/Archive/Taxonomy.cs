namespace PPRNet.Web.Archive;

/// <summary>Every topic and research type, read once per page (a few dozen rows).</summary>
public sealed class Taxonomy(IReadOnlyList<Term> topics, IReadOnlyList<Term> types)
{
    private readonly Dictionary<int, Term> topicsById = topics.ToDictionary(t => t.Id);
    private readonly Dictionary<int, Term> typesById = types.ToDictionary(t => t.Id);

    /// <summary>Topics by name, research types in the taxonomy's order.</summary>
    public IReadOnlyList<Term> Topics { get; } = topics;
    public IReadOnlyList<Term> Types { get; } = types;

    public Term? Topic(string? slug) => slug is null ? null : Topics.FirstOrDefault(t => t.Slug == slug);
    public Term? Type(string? slug) => slug is null ? null : Types.FirstOrDefault(t => t.Slug == slug);
    public Term? TopicById(int id) => topicsById.GetValueOrDefault(id);
    public Term? TypeById(int id) => typesById.GetValueOrDefault(id);

    /// <summary>Topic names of one summary, in name order, from its topic ids.</summary>
    public IReadOnlyList<TaxonomyLink> TopicLinks(IEnumerable<int> ids) =>
        ids.Select(TopicById).OfType<Term>().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Link).ToList();
}
