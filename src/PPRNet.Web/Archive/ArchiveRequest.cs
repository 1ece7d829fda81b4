using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

/// <summary>The archive's query string, checked: what a reader asked for, or why it makes no sense.
/// Several topics mean "any of them"; the type narrows whatever the topics give.</summary>
public sealed record ArchiveRequest(IReadOnlyList<string> Topics, string? Type, int Page)
{
    /// <summary>More topics than the taxonomy could ever hold is a hand-made address, not a choice.</summary>
    public const int MaxTopics = 50;

    public ArchiveRequest(string? topic, string? type, int page)
        : this(topic is null ? [] : [topic], type, page)
    {
    }

    public static bool TryCreate(IStringLocalizer<Ui> t, IEnumerable<string?>? topics, string? type, string? page,
        out ArchiveRequest request, out string problem)
    {
        ArgumentNullException.ThrowIfNull(t);
        request = new ArchiveRequest([], null, 1);
        problem = "";
        var chosen = (topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();

        if (chosen.Count > MaxTopics)
        {
            problem = t["The address asks for more than {0} topics; choose fewer.", MaxTopics];
            return false;
        }

        if (chosen.Any(t => !SummaryRules.IsSlug(t)))
        {
            problem = t["A topic in the address is not one of ours. Topic names in addresses use lowercase letters, digits and hyphens, like \"empathy\"."];
            return false;
        }

        if (type is not null && !SummaryRules.IsSlug(type))
        {
            problem = t["The type of research in the address is not one of ours. Types in addresses use lowercase letters, digits and hyphens, like \"meta-analysis\"."];
            return false;
        }

        if (!TryParsePage(t, page, out var number, out problem))
        {
            return false;
        }

        request = new ArchiveRequest(chosen, type, number);
        return true;
    }

    /// <summary>A page number from an address: absent is page 1; anything but a whole number from 1
    /// up is a problem to show (the archive's pages and a month's pages read it alike).</summary>
    public static bool TryParsePage(IStringLocalizer<Ui> t, string? page, out int number, out string problem)
    {
        ArgumentNullException.ThrowIfNull(t);
        number = 1;
        problem = "";
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            problem = t["The page number in the address must be a whole number from 1 up."];
            return false;
        }

        return true;
    }
}
