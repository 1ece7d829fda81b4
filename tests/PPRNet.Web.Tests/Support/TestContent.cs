using System.Text;

namespace PPRNet.Web.Tests.Support;

/// <summary>A content folder in a temp directory, written file by file as a test needs it.</summary>
public sealed class TestContent : IDisposable
{
    public const string Taxonomy = """
        topics:
          - name: "Empathy"
            name_fr: "Empathie"
            slug: empathy
          - name: "Alliance and Therapeutic Relationship"
            name_fr: "Alliance et relation thérapeutique"
            slug: alliance
          - name: "Training"
            name_fr: "Formation"
            slug: training
          - name: "Depression and Depressive Symptoms"
            name_fr: "Dépression et symptômes dépressifs"
            slug: depression
        research_types:
          - name: "Meta-analysis"
            name_fr: "Méta-analyse"
            slug: meta-analysis
          - name: "Randomized controlled trial"
            name_fr: "Essai contrôlé randomisé"
            slug: randomized-controlled-trial
          - name: "Qualitative study"
            name_fr: "Étude qualitative"
            slug: qualitative
        """;

    public TestContent(bool withTaxonomy = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "pprnet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (withTaxonomy)
        {
            Write("taxonomy.yml", Taxonomy);
        }
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return relativePath;
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    /// <summary>Writes summaries/YYYY/MM-slug.md from front-matter fields; a null value leaves the key out.</summary>
    public string WriteSummary(string month, string slug, IDictionary<string, string?>? fields = null,
        string body = "A plain-language account of the study and its **key figures**.",
        string implications = "What a practising clinician might do differently.")
    {
        var relative = $"summaries/{month[..4]}/{month[5..]}-{slug}.md";
        Write(relative, SummaryText(month, slug, fields, body, implications));
        return relative;
    }

    public static string SummaryText(string month, string slug, IDictionary<string, string?>? fields = null,
        string body = "A plain-language account of the study and its **key figures**.",
        string implications = "What a practising clinician might do differently.")
    {
        var all = new Dictionary<string, string?>
        {
            ["title"] = $"\"Summary {slug}\"",
            ["month"] = month,
            ["slug"] = slug,
            ["research_type"] = "meta-analysis",
            ["topics"] = "[empathy]",
            ["citation"] = "\"Author, A. (2020). A study of things. *Journal of Studies, 1*(2), 3–4.\"",
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var text = new StringBuilder("---\n");
        foreach (var (key, value) in all.Where(f => f.Value is not null))
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        text.Append("---\n").Append(body).Append("\n\n## Practice Implications\n\n").Append(implications).Append('\n');
        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a test over it is not.
        }
    }
}
