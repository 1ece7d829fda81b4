using System.Globalization;

namespace PPRNet.Web.Localization;

/// <summary>The site's two languages. The language of a page is its address: French pages live
/// under <c>/fr</c> and English ones where they always were, so a cache, a crawler or a shared
/// link always sees one language per URL. The current language is the request's culture (or, for
/// a mail, the subscriber's, set with <see cref="Use"/>), and every address the site builds for
/// a page goes through <see cref="Local"/>, so links stay in the language being read.</summary>
public static class SiteLanguage
{
    public const string FrenchPathBase = "/fr";
    public const string EnglishCode = "en";
    public const string FrenchCode = "fr";

    // Canadian cultures: the network is Canadian, and fr-CA writes numbers and dates as Quebec does.
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    public static readonly IReadOnlyList<string> Codes = [EnglishCode, FrenchCode];

    public static bool IsFrench => IsFrenchCulture(CultureInfo.CurrentUICulture);

    /// <summary>The current language's code, as <c>lang</c> and <c>hreflang</c> write it.</summary>
    public static string Code => IsFrench ? FrenchCode : EnglishCode;

    public static string OtherCode => IsFrench ? EnglishCode : FrenchCode;

    /// <summary>A path of the English site in the current language.</summary>
    public static string Local(string path) => PathIn(Code, path);

    /// <summary>A path of the English site in the given language.</summary>
    public static string PathIn(string code, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return code == FrenchCode && path.StartsWith('/') ? FrenchPathBase + path : path;
    }

    /// <summary>A path of either language as the English site writes it.</summary>
    public static string Neutral(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(FrenchPathBase, StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var rest = path[FrenchPathBase.Length..];
        return rest.Length == 0 ? "/"
            : rest[0] == '/' ? rest
            : rest[0] is '?' or '#' ? "/" + rest
            : path; // "/from-somewhere" is an English path that only starts like one
    }

    /// <summary>The page being read, in the other language: same path, same filters and page.</summary>
    public static string SwitchPath(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.HasValue && request.Path.Value != "" ? request.Path.Value! : "/";
        return PathIn(OtherCode, path + request.QueryString);
    }

    /// <summary>A language's name in itself, as a language switch shows it.</summary>
    public static string NameOf(string code) => code == FrenchCode ? "Français" : "English";

    /// <summary>The <c>lang</c> of a summary's own text: "en" on a French page (our summaries are
    /// written in English), none on an English page, which is English throughout.</summary>
    public static string? SummaryLang => IsFrench ? EnglishCode : null;

    /// <summary>The <c>lang</c> of interface words inside a summary's English block on a French
    /// page ("fr"); none on an English page.</summary>
    public static string? InterfaceLang => IsFrench ? FrenchCode : null;

    public static CultureInfo CultureOf(string? code) => code == FrenchCode ? French : English;

    /// <summary>A known language code, or English for anything else (a stored or posted value).</summary>
    public static string Known(string? code) => code == FrenchCode ? FrenchCode : EnglishCode;

    /// <summary>Builds text and links in the given language until disposed: mail is written
    /// outside any request, in the reader's language.</summary>
    public static IDisposable Use(string? code)
    {
        var scope = new CultureScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureOf(code);
        return scope;
    }

    public static bool IsFrenchCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == FrenchCode;
    }

    private sealed class CultureScope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
