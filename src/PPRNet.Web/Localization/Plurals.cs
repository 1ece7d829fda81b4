using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Localization;

/// <summary>Counted words ("1 summary", "2 summaries"; "0 résumé", "2 résumés"): each form is a
/// whole entry of its own, chosen by the language's rule, never a word with an "s" added.</summary>
public static class Plurals
{
    /// <summary>The form for <paramref name="count"/>, with the count written as the language writes
    /// numbers. <paramref name="one"/> and <paramref name="other"/> hold {0}, or name only the word.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, int count, string one, string other,
        params object[] more)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(more);
        return localizer[IsOne(count, CultureInfo.CurrentUICulture) ? one : other, [count.ToString(CultureInfo.CurrentCulture), .. more]];
    }

    /// <summary>CLDR's "one" category: English uses it for 1 alone, French for 0 and 1.</summary>
    public static bool IsOne(int count, CultureInfo culture) =>
        SiteLanguage.IsFrenchCulture(culture) ? count is 0 or 1 : count == 1;
}

/// <summary>Sentence case for a word that also appears mid-sentence: "summaries" heads a table as
/// "Summaries". One key serves both, since resources cannot hold two keys differing only in case.</summary>
public static class Capitals
{
    public static string Capitalized(this LocalizedString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Value;
        return value.Length == 0 ? value : char.ToUpper(value[0], CultureInfo.CurrentCulture) + value[1..];
    }
}
