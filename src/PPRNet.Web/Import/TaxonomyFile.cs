using PPRNet.Web.Summaries;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPRNet.Web.Import;

/// <summary>content/taxonomy.yml: the topics and research types summaries may name.</summary>
public sealed class TaxonomyFile
{
    public const string FileName = "taxonomy.yml";

    public List<Entry?>? Topics { get; set; } = [];
    public List<Entry?>? ResearchTypes { get; set; } = [];

    public sealed class Entry
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Reads and checks the file; returns null, with the reasons in <paramref name="errors"/>,
    /// when summaries could not be checked against it.</summary>
    public static TaxonomyFile? Load(string path, string displayPath, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!File.Exists(path))
        {
            errors.Add(new ImportError(displayPath, 0, "taxonomy", "file not found; topics and research types are defined there"));
            return null;
        }

        TaxonomyFile? file;
        try
        {
            file = Deserializer.Deserialize<TaxonomyFile?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            errors.Add(new ImportError(displayPath, (int)e.Start.Line, "taxonomy", Innermost(e).Message));
            return null;
        }

        if (file?.Topics is not { Count: > 0 } || file.ResearchTypes is not { Count: > 0 })
        {
            errors.Add(new ImportError(displayPath, 1, "taxonomy", "needs at least one entry under topics: and under research_types:"));
            return null;
        }

        var before = errors.Count;
        Check(file.Topics, "topics", displayPath, errors);
        Check(file.ResearchTypes, "research_types", displayPath, errors);
        file.Topics.RemoveAll(e => e is null);
        file.ResearchTypes.RemoveAll(e => e is null);
        return errors.Count == before ? file : null;
    }

    private static void Check(List<Entry?> entries, string field, string displayPath, List<ImportError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.Name) || !SummaryRules.IsSlug(entry.Slug))
            {
                errors.Add(new ImportError(displayPath, 0, field,
                    $"entry \"{entry?.Name ?? entry?.Slug}\" needs a name and a slug of lowercase letters, digits and hyphens"));
            }
            else if (!seen.Add(entry.Slug!))
            {
                errors.Add(new ImportError(displayPath, 0, field, $"slug \"{entry.Slug}\" appears twice"));
            }
        }
    }

    internal static Exception Innermost(Exception e) =>
        e.InnerException is YamlException inner ? Innermost(inner) : e;
}
