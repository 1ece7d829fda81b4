using PPRNet.Web.Summaries;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace PPRNet.Web.Import;

/// <summary>content/taxonomy.yml: the topics and research types summaries may name.</summary>
public sealed class TaxonomyFile
{
    public const string FileName = "taxonomy.yml";

    /// <summary>The key of a term's French name, which its problems are reported against.</summary>
    public const string NameFrField = "name_fr";

    public List<Entry?>? Topics { get; set; } = [];
    public List<Entry?>? ResearchTypes { get; set; } = [];

    public sealed class Entry
    {
        public string? Name { get; set; }
        public string? NameFr { get; set; }
        public string? Slug { get; set; }

        /// <summary>Where the entry starts in the file, for its problems; never written back out.</summary>
        [YamlIgnore]
        public int Line { get; set; }
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithNodeDeserializer(inner => new EntryLines(inner), where => where.InsteadOf<ObjectNodeDeserializer>())
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

        // A term without a name or a valid slug cannot be told apart from the others, so summaries could
        // not be checked against the file; a term without a French name can, so it alone is left out.
        var unusable = Check(file.Topics, "topics", "topic", displayPath, errors)
            | Check(file.ResearchTypes, "research_types", "research type", displayPath, errors);
        file.Topics.RemoveAll(e => e is null || string.IsNullOrWhiteSpace(e.NameFr));
        file.ResearchTypes.RemoveAll(e => e is null || string.IsNullOrWhiteSpace(e.NameFr));
        return unusable ? null : file;
    }

    /// <summary>True when an entry has no name or slug, or repeats a slug.</summary>
    private static bool Check(List<Entry?> entries, string field, string kind, string displayPath, List<ImportError> errors)
    {
        var unusable = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.Name) || !SummaryRules.IsSlug(entry.Slug))
            {
                unusable = true;
                errors.Add(new ImportError(displayPath, entry?.Line ?? 0, field,
                    $"entry \"{entry?.Name ?? entry?.Slug}\" needs a name and a slug of lowercase letters, digits and hyphens"));
            }
            else if (!seen.Add(entry.Slug!))
            {
                unusable = true;
                errors.Add(new ImportError(displayPath, entry.Line, field, $"slug \"{entry.Slug}\" appears twice"));
            }
            else if (string.IsNullOrWhiteSpace(entry.NameFr))
            {
                errors.Add(new ImportError(displayPath, entry.Line, NameFrField,
                    $"{kind} \"{entry.Slug}\" has no French name; add one as name_fr (its slug stays the same)"));
            }
        }

        return unusable;
    }

    /// <summary>Notes the line each entry starts on as YamlDotNet reads it; the deserializer gives
    /// objects no position of their own.</summary>
    private sealed class EntryLines(INodeDeserializer inner) : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
            out object? value, ObjectDeserializer rootDeserializer)
        {
            var line = (int)(reader.Current?.Start.Line ?? 0);
            if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
            {
                return false;
            }

            if (value is Entry entry)
            {
                entry.Line = line;
            }

            return true;
        }
    }

    internal static Exception Innermost(Exception e) =>
        e.InnerException is YamlException inner ? Innermost(inner) : e;
}
