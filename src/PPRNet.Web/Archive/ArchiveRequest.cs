using System.Globalization;
using PPRNet.Web.Import;

namespace PPRNet.Web.Archive;

/// <summary>The archive's query string, checked: what a reader asked for, or why it makes no sense.</summary>
public sealed record ArchiveRequest(string? Topic, string? Type, int Page)
{
    public static bool TryCreate(string? topic, string? type, string? page, out ArchiveRequest request, out string problem)
    {
        request = new ArchiveRequest(null, null, 1);
        problem = "";
        topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();

        if (topic is not null && !SummaryRules.IsSlug(topic))
        {
            problem = "The topic in the address is not one of ours. Topic names in addresses use lowercase letters, digits and hyphens, like \"empathy\".";
            return false;
        }

        if (type is not null && !SummaryRules.IsSlug(type))
        {
            problem = "The type of research in the address is not one of ours. Types in addresses use lowercase letters, digits and hyphens, like \"meta-analysis\".";
            return false;
        }

        var number = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            problem = "The page number in the address must be a whole number from 1 up.";
            return false;
        }

        request = new ArchiveRequest(topic, type, number);
        return true;
    }
}
