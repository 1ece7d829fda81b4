using System.Globalization;

namespace PPRNet.Web.Localization;

/// <summary>Dates as the interface writes them in the current language: "1 April 2021" and
/// "April 2021"; "1er avril 2021" and "avril 2021" (French writes the first of the month as an
/// ordinal, which no .NET format does).</summary>
public static class SiteDates
{
    public static string Long(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        if (!SiteLanguage.IsFrenchCulture(culture))
        {
            return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return $"{day} {date.ToString("MMMM yyyy", culture)}";
    }

    public static string Long(DateTime date) => Long(DateOnly.FromDateTime(date));

    /// <summary>A month (<c>yyyy-MM</c>) with its year.</summary>
    public static string MonthYear(string month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var number = int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var culture = CultureInfo.CurrentCulture;
        var format = SiteLanguage.IsFrenchCulture(culture) ? culture.DateTimeFormat : DateTimeFormatInfo.InvariantInfo;
        return $"{format.GetMonthName(number)} {month[..4]}";
    }
}
