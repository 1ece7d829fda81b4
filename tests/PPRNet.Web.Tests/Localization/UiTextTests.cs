using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PPRNet.Web.Localization;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Localization;

/// <summary>The interface's words are keyed by their English text (its English value); the French
/// lives in Ui.fr.resx. A key the code asks for without a French value would show English on a
/// French page; a French value nobody asks for is a translation that has drifted from its key.</summary>
public sealed partial class UiTextTests
{
    private static readonly string ResxPath = Repository.PathTo("src", "PPRNet.Web", "Localization", "Ui.fr.resx");

    [Fact]
    public void Every_interface_text_the_code_asks_for_has_a_french_value()
    {
        var french = FrenchEntries();
        var missing = KeysInSource().Where(k => !french.TryGetValue(k.Key, out var value) || string.IsNullOrWhiteSpace(value))
            .Select(k => $"\"{k.Key}\" ({k.Value})").ToList();

        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_french_value_belongs_to_a_text_the_code_asks_for()
    {
        var used = KeysInSource();
        var unused = FrenchEntries().Keys.Where(k => !used.ContainsKey(k)).ToList();

        Assert.True(unused.Count == 0, "French for texts no code asks for:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // The resource compiler keeps one of two names that differ only in case, and the other
        // text then shows in English on French pages.
        var clashes = FrenchEntries().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Every_french_value_keeps_its_english_placeholders()
    {
        var wrong = FrenchEntries()
            .Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value)))
            .Select(e => $"\"{e.Key}\" -> \"{e.Value}\"").ToList();

        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void French_punctuation_has_its_non_breaking_space()
    {
        // A colon, semicolon, question or exclamation mark after a word, with an ordinary space or none.
        var wrong = FrenchEntries().Where(e => FrenchSpacing().IsMatch(e.Value)).Select(e => e.Value).ToList();

        Assert.True(wrong.Count == 0, "Missing non-breaking space:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("en", 0, false)]
    [InlineData("en", 1, true)]
    [InlineData("en", 2, false)]
    [InlineData("fr", 0, true)]
    [InlineData("fr", 1, true)]
    [InlineData("fr", 2, false)]
    public void Counted_words_follow_each_languages_rule(string language, int count, bool one) =>
        Assert.Equal(one, Plurals.IsOne(count, SiteLanguage.CultureOf(language)));

    /// <summary>Every key in src/: T["..."] or t["..."], both forms of T.Plural(n, "...", "..."), and the
    /// DataAnnotations texts forms localize (ErrorMessage = "..." and [Display(Name = "...")]).</summary>
    private static Dictionary<string, string> KeysInSource()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = Path.Combine(Repository.WebProject);
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var where = Path.GetRelativePath(source, file);
            foreach (Match match in Lookup().Matches(text))
            {
                keys.TryAdd(Unescape(match.Groups["key"].Value), where);
            }

            foreach (Match match in Annotation().Matches(text))
            {
                keys.TryAdd(Unescape(match.Groups["key"].Value), where);
            }

            foreach (Match match in Plural().Matches(text))
            {
                keys.TryAdd(Unescape(match.Groups["one"].Value), where);
                keys.TryAdd(Unescape(match.Groups["other"].Value), where);
            }
        }

        return keys;
    }

    private static Dictionary<string, string> FrenchEntries() =>
        XDocument.Load(ResxPath).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value.ToString(CultureInfo.InvariantCulture))];

    private static string Unescape(string key) =>
        key.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("""\b[Tt]\[\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex Lookup();

    [GeneratedRegex("""\b(?:ErrorMessage|Display\(Name)\s*=\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex Annotation();

    [GeneratedRegex("""\b[Tt]\.Plural\([^,]+,\s*"(?<one>(?:[^"\\]|\\.)*)",\s*"(?<other>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex Plural();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"[\p{L}\p{N}»)]( ?)[:;?!](\s|$)")]
    private static partial Regex FrenchSpacing();
}
