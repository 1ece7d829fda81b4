using PPRNet.Web.Import;

namespace PPRNet.Web.Tests.Import;

/// <summary>When a re-import may skip loading the terms: only when taxonomy.yml would change none.</summary>
public sealed class TaxonomyImportTests
{
    private static TaxonomyFile FileWith(string slug, string name, string nameFr) => new()
    {
        Topics = [new TaxonomyFile.Entry { Slug = slug, Name = name, NameFr = nameFr }],
        ResearchTypes = [],
    };

    private static bool ChangesNothing(TaxonomyFile file, TaxonomyTermRow stored) => TaxonomyImport.ChangesNothing(file, ([stored], []));

    [Fact]
    public void A_term_named_alike_in_both_languages_in_the_file_and_the_database_changes_nothing()
    {
        var file = FileWith("burnout", "Burnout", "Burnout");

        Assert.True(ChangesNothing(file, new TaxonomyTermRow("burnout", "Burnout", "Burnout")));
    }

    [Fact]
    public void A_term_still_carrying_its_english_name_as_its_french_one_takes_the_files_french_name()
    {
        var file = FileWith("empathy", "Empathy", "Empathie");

        Assert.False(ChangesNothing(file, new TaxonomyTermRow("empathy", "Empathy", "Empathy")));
    }

    [Fact]
    public void A_french_name_an_editor_gave_is_kept_whatever_the_file_says()
    {
        var file = FileWith("empathy", "Empathy", "Empathie");

        Assert.True(ChangesNothing(file, new TaxonomyTermRow("empathy", "Empathy", "L'empathie")));
    }

    [Fact]
    public void A_term_the_database_lacks_may_be_added()
    {
        var file = FileWith("burnout", "Burnout", "Burnout");

        Assert.False(ChangesNothing(file, new TaxonomyTermRow("empathy", "Empathy", "Empathie")));
    }
}
