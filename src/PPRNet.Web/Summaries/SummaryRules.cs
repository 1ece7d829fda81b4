using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PPRNet.Web.Summaries;

/// <summary>Shape rules for the fields of a summary, shared by the importer and the editors' form.</summary>
public static partial class SummaryRules
{
    public const int MaxSlugLength = 120;

    public static bool TryParseMonth(string? value, out string month)
    {
        month = "";
        if (value is null || !MonthPattern().IsMatch(value))
        {
            return false;
        }

        var number = int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (number is < 1 or > 12)
        {
            return false;
        }

        month = value;
        return true;
    }

    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(value);

    /// <summary>Accepts a bare DOI or a doi.org address and returns the bare DOI, or null when
    /// the text is not shaped like a DOI.</summary>
    public static string? NormalizeDoi(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var doi = DoiPrefix().Replace(value.Trim(), "");
        return DoiPattern().IsMatch(doi) ? doi : null;
    }

    public static bool IsEmail(string? value) =>
        value is { Length: <= 254 } && EmailPattern().IsMatch(value);

    public static string Slugify(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var ascii = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                ascii.Append(char.ToLowerInvariant(c));
            }
        }

        var slug = NotSlugChars().Replace(ascii.ToString(), "-").Trim('-');
        return slug.Length > MaxSlugLength ? slug[..MaxSlugLength].TrimEnd('-') : slug;
    }

    public static bool HasImplicationsHeading(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n').Any(line => ImplicationsHeading().IsMatch(line));

    public static DateOnly FirstDay(string month) =>
        new(int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture), 1);

    /// <summary>"April 2021", or "avril 2021" on a French page.</summary>
    public static string MonthLabel(string month) => Localization.SiteDates.MonthYear(month);

    [GeneratedRegex(@"^#{1,3}\s*Practice Implications\s*#*\s*$", RegexOptions.IgnoreCase)]
    internal static partial Regex ImplicationsHeading();

    public static bool HasLimitationsHeading(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n').Any(line => LimitationsHeading().IsMatch(line));

    [GeneratedRegex(@"^#{1,3}\s*Limitations\s*#*\s*$", RegexOptions.IgnoreCase)]
    internal static partial Regex LimitationsHeading();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}\z")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex DoiPrefix();

    [GeneratedRegex(@"^10\.[0-9]{4,9}/\S+\z")]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotSlugChars();
}
