using PPRNet.Web.Localization;

namespace PPRNet.Web.Archive;

/// <summary>Every topic and research type, read once per page (a few dozen rows).</summary>
public sealed class Taxonomy(IReadOnlyList<Term> topics, IReadOnlyList<Term> types)
{
    // French sorts by its own alphabet ("Éthique" among the E's); English keeps its ordinal order.
    private static readonly StringComparer FrenchOrder = StringComparer.Create(SiteLanguage.French, ignoreCase: true);

    private readonly Dictionary<int, Term> topicsById = topics.ToDictionary(t => t.Id);
    private readonly Dictionary<int, Term> typesById = types.ToDictionary(t => t.Id);
    private readonly IReadOnlyList<Term> topicsInEnglish = [.. topics.OrderBy(t => t.NameEn, StringComparer.Ordinal)];
    private readonly IReadOnlyList<Term> topicsInFrench = [.. topics.OrderBy(t => t.NameFr, FrenchOrder)];

    /// <summary>Topics by name in the page's language, research types in the taxonomy's order.</summary>
    public IReadOnlyList<Term> Topics => SiteLanguage.IsFrench ? topicsInFrench : topicsInEnglish;
    public IReadOnlyList<Term> Types { get; } = types;

    public Term? Topic(string? slug) => slug is null ? null : topicsInEnglish.FirstOrDefault(t => t.Slug == slug);
    public Term? Type(string? slug) => slug is null ? null : Types.FirstOrDefault(t => t.Slug == slug);
    public Term? TopicById(int id) => topicsById.GetValueOrDefault(id);
    public Term? TypeById(int id) => typesById.GetValueOrDefault(id);

    /// <summary>Topic names of one summary, in name order, from its topic ids.</summary>
    public IReadOnlyList<TaxonomyLink> TopicLinks(IEnumerable<int> ids) =>
        [.. ids.Select(TopicById).OfType<Term>().OrderBy(t => t.Name, SiteLanguage.IsFrench ? FrenchOrder : StringComparer.Ordinal)
            .Select(t => t.Link)];
}
