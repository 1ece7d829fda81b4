using PPRNet.Web.Citations;

namespace PPRNet.Web.Tests.Citations;

public sealed class ApaCitationTests
{
    [Fact]
    public void A_journal_article_citation_is_read_into_its_parts()
    {
        var citation = ApaCitation.Parse(
            "Cooper, D., Yap, K., O'Brien, M., & Scott, I. (2020). Mindfulness and empathy among counseling and psychotherapy " +
            "professionals: A systematic review and meta-analysis. *Mindfulness, 11*(10), 2243–2257.",
            "plain", "10.1007/s12671-020-01425-3");

        Assert.Equal(["Cooper, D.", "Yap, K.", "O'Brien, M.", "Scott, I."], citation.Authors);
        Assert.Equal("2020", citation.Year);
        Assert.Equal("Mindfulness and empathy among counseling and psychotherapy professionals: A systematic review and meta-analysis",
            citation.Title);
        Assert.Equal(("Mindfulness", "11", "10"), (citation.Journal, citation.Volume, citation.Issue));
        Assert.Equal(("2243", "2257"), (citation.FirstPage, citation.LastPage));
        Assert.Equal("10.1007/s12671-020-01425-3", citation.Doi);
        Assert.Equal("cooper2020mindfulness", citation.Key());
    }

    [Fact]
    public void Middle_initials_a_one_word_title_and_a_volume_without_issue_are_read()
    {
        var withInitials = ApaCitation.Parse(
            "Elliott, R., Bohart, A. C., Watson, J. C., & Greenberg, L. S. (2011). Empathy. *Psychotherapy, 48*(1), 43–49.", "", null);
        var noIssue = ApaCitation.Parse(
            "Johns, R. G., Barkham, M., Kellett, S., & Saxon, D. (2019). A systematic review of therapist effects: " +
            "A critical narrative update and refinement to review. *Clinical Psychology Review, 67*, 78–93.", "", null);

        Assert.Equal(["Elliott, R.", "Bohart, A. C.", "Watson, J. C.", "Greenberg, L. S."], withInitials.Authors);
        Assert.Equal(("Empathy", "Psychotherapy", "48", "1", "43", "49"),
            (withInitials.Title, withInitials.Journal, withInitials.Volume, withInitials.Issue,
                withInitials.FirstPage, withInitials.LastPage));
        Assert.Equal(("Clinical Psychology Review", "67", null, "78", "93"),
            (noIssue.Journal, noIssue.Volume, noIssue.Issue, noIssue.FirstPage, noIssue.LastPage));
    }

    [Fact]
    public void Italics_that_stop_at_the_journal_name_still_give_volume_and_issue()
    {
        var citation = ApaCitation.Parse("Smith, J. (2015). A title. *Journal of Things*, 12(3), 100-110.", "", null);

        Assert.Equal(("Journal of Things", "12", "3", "100", "110"),
            (citation.Journal, citation.Volume, citation.Issue, citation.FirstPage, citation.LastPage));
    }

    [Fact]
    public void A_citation_without_a_journal_falls_back_to_a_generic_reference_keeping_the_whole_text()
    {
        var citation = ApaCitation.Parse("Some report without the usual shape", "Some report without the usual shape", null);

        Assert.False(citation.IsJournalArticle);
        Assert.Empty(citation.Authors);
        Assert.Equal("Some report without the usual shape", citation.Text);
    }

    [Fact]
    public void A_journal_citation_pasted_without_italics_is_still_read_as_an_article()
    {
        var citation = ApaCitation.Parse(
            "Norcross, J. C., & Lambert, M. J. (2018). Psychotherapy relationships that work III. Psychotherapy, 55(4), 303–315. " +
            "https://doi.org/10.1037/pst0000193",
            "", "10.1037/pst0000193");
        var question = ApaCitation.Parse(
            "Swift, J. K., & Callahan, J. L. (2009). Does it work? A meta-analysis of preferences. Journal of Clinical Psychology, 65, " +
            "368-381.", "", null);

        Assert.True(citation.IsJournalArticle);
        Assert.Equal(("Psychotherapy relationships that work III", "Psychotherapy", "55", "4", "303", "315"),
            (citation.Title, citation.Journal, citation.Volume, citation.Issue, citation.FirstPage, citation.LastPage));
        Assert.Equal(["Norcross, J. C.", "Lambert, M. J."], citation.Authors);
        Assert.Equal(("Does it work? A meta-analysis of preferences", "Journal of Clinical Psychology", "65", null, "368", "381"),
            (question.Title, question.Journal, question.Volume, question.Issue, question.FirstPage, question.LastPage));
    }

    [Theory]
    [InlineData(
        "Elliott, R. (2011). Empathy. In J. C. Norcross (Ed.), Psychotherapy relationships that work (pp. 132–152). " +
        "Oxford University Press.")]
    [InlineData("National Institute for Health and Care Excellence. (2022). Depression in adults: Treatment and management. NICE.")]
    public void A_book_chapter_or_a_report_is_not_mistaken_for_a_journal_article(string text)
    {
        var citation = ApaCitation.Parse(text, text, null);

        Assert.False(citation.IsJournalArticle);
        Assert.Equal(text, citation.Text);
    }
}
