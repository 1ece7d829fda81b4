using System.Globalization;
using PPRNet.Web.Data;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PPRNet.Web.Import;

/// <summary>The YAML fields of one summary file, each with its line, read with the checks every
/// field shares (single value, required, date, whole number); each problem goes to the file's error
/// list with its line and field.</summary>
public sealed partial class FrontMatter
{
    private readonly Dictionary<string, (YamlNode Node, int Line)> fields;
    private readonly Action<int, string, string> error;

    private FrontMatter(Dictionary<string, (YamlNode Node, int Line)> fields, Action<int, string, string> error)
    {
        this.fields = fields;
        this.error = error;
    }

    public void RefuseUnknown(IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var (key, (_, line)) in fields)
        {
            if (!known.Contains(key))
            {
                error(line, key, $"unknown field; the fields are {string.Join(", ", known)}");
            }
        }
    }

    public int LineOf(string key) => fields.TryGetValue(key, out var f) ? f.Line : 1;

    public string? Scalar(string key, bool required)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                error(1, key, "missing; every summary needs one");
            }

            return null;
        }

        if (field.Node is not YamlScalarNode scalar)
        {
            error(field.Line, key, "must be a single value, not a list");
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            if (required)
            {
                error(field.Line, key, "is empty; every summary needs one");
            }

            return null;
        }

        return scalar.Value.Trim();
    }

    public DateOnly? Date(string key)
    {
        var text = Scalar(key, required: false);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(LineOf(key), key, $"\"{text}\" is not a date; write it as YYYY-MM-DD");
        return null;
    }

    public int? Count(string key)
    {
        var value = Scalar(key, required: false);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        error(LineOf(key), key, $"\"{value}\" is not a whole number (write 6138, not 6,138)");
        return null;
    }

    public static FrontMatter? Read(string yaml, Action<int, string, string> error)
    {
        // The YAML starts on line 2 of the file; YamlDotNet counts lines from 1.
        const int lineOffset = 1;
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var inner = TaxonomyFile.Innermost(e);
            var at = inner is YamlException ye ? ye.Start : e.Start;
            error((int)at.Line + lineOffset, "front matter", $"invalid YAML: {inner.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, rather than a YamlException, for some unclosed
            // brackets and quotes at the end of the text; where it stopped is the best line we have.
            error((int)scanner.CurrentPosition.Line + lineOffset, "front matter",
                "invalid YAML: a bracket or quote is not closed");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error(2, "front matter", "expected fields such as \"title: ...\" between the --- lines");
            return null;
        }

        var fields = new Dictionary<string, (YamlNode, int)>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var line = (int)key.Start.Line + lineOffset;
            if (!fields.TryAdd(name, (value, line)))
            {
                error(line, name, "appears twice");
            }
        }

        return new FrontMatter(fields, error);
    }

    public List<Topic> Topics(TaxonomyLookup taxonomy)
    {
        var topics = new List<Topic>();
        if (!fields.TryGetValue("topics", out var field))
        {
            error(1, "topics", "missing; every summary needs at least one topic");
            return topics;
        }

        var names = field.Node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""),
            YamlScalarNode one => (one.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };

        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var topic = taxonomy.Topic(name);
            if (topic is null)
            {
                error(field.Line, "topics", $"unknown topic \"{name}\"; use a slug or name from taxonomy.yml");
            }
            else if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        if (topics.Count == 0 && !names.Any())
        {
            error(field.Line, "topics", "is empty; every summary needs at least one topic");
        }

        return topics;
    }
}
