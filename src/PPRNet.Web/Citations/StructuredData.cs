using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Citations;

/// <summary>schema.org JSON-LD for a summary page: a BlogPosting about, and citing, the
/// ScholarlyArticle it summarizes (with its DOI).</summary>
public static class StructuredData
{
    public static string BlogPosting(SummaryViewModel summary, string pageUrl, DateTimeOffset modified, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(summary);
        // The summary is written in English on either language's page, and so is what we say about it.
        using var english = SiteLanguage.Use(SiteLanguage.EnglishCode);
        var citation = summary.Citation;
        var article = new JsonObject
        {
            ["@type"] = "ScholarlyArticle",
            ["name"] = citation.Title ?? citation.Text,
            ["headline"] = citation.Title ?? citation.Text,
        };
        if (citation.Authors.Count > 0)
        {
            article["author"] = new JsonArray(citation.Authors
                .Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a }).ToArray());
        }

        if (citation.Year is not null)
        {
            article["datePublished"] = citation.YearOrEmpty;
        }

        if (citation.Journal is not null)
        {
            article["isPartOf"] = new JsonObject { ["@type"] = "Periodical", ["name"] = citation.Journal };
        }

        if (citation.Pages is not null)
        {
            article["pagination"] = citation.Pages;
        }

        if (citation.Doi is not null)
        {
            article["@id"] = $"https://doi.org/{citation.Doi}";
            article["url"] = $"https://doi.org/{citation.Doi}";
            article["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = citation.Doi };
        }

        var posting = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BlogPosting",
            ["headline"] = summary.Title,
            ["inLanguage"] = SiteLanguage.EnglishCode,
            ["description"] = summary.Description,
            ["url"] = pageUrl,
            ["mainEntityOfPage"] = pageUrl,
            ["datePublished"] = summary.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["dateModified"] = modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Psychotherapy Practice Research Network" },
            ["keywords"] = string.Join(", ", summary.Topics.Select(t => t.Name)),
            ["about"] = article,
            ["citation"] = article.DeepClone(),
        };
        if (summary.Certainty is { Level: not CertaintyLevel.NotRated } certainty)
        {
            // schema.org has no GRADE property: our rating is a Review of the paper, rated 1 (very low) to 4 (high).
            article["review"] = new JsonObject
            {
                ["@type"] = "Review",
                ["name"] = "Certainty of the evidence (GRADE)",
                ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Psychotherapy Practice Research Network" },
                ["reviewBody"] = $"{SummaryWords.CertaintyMeaning(t, certainty.Level)} {certainty.Note}".Trim(),
                ["reviewRating"] = new JsonObject
                {
                    ["@type"] = "Rating",
                    ["name"] = SummaryWords.CertaintyLabel(t, certainty.Level),
                    ["ratingValue"] = CertaintyLevel.VeryLow - certainty.Level + 1,
                    ["worstRating"] = 1,
                    ["bestRating"] = 4,
                    ["ratingExplanation"] = SummaryWords.RatedDownFor(t, certainty) ?? t["Not rated down."],
                },
            };
        }

        // Compact, with the default encoder, which escapes <, > and &, so the JSON cannot close its
        // <script> element. No options object of our own: one made per call rebuilt its caches on
        // every summary page.
        return posting.ToJsonString();
    }
}
