using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Localization;

/// <summary>A localizer that gives every text in English (its key), whatever the current culture:
/// for code that shares a method with the interface but whose words nobody reads.</summary>
public sealed class KeysOnly : IStringLocalizer
{
    public static readonly KeysOnly Instance = new();

    public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
