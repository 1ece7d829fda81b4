using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Admin;

public static class Roles
{
    /// <summary>Everything, including accounts, taxonomy, the audit log and purging the trash.</summary>
    public const string Admin = "Admin";

    /// <summary>Summaries and month intros.</summary>
    public const string Editor = "Editor";

    public const string Staff = Admin + "," + Editor;

    public static readonly IReadOnlyList<string> All = [Admin, Editor];

    /// <summary>A role as the interface names it in the page's language.</summary>
    public static string Name(string? role, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return role switch
        {
            Admin => t["Admin"],
            Editor => t["Editor"],
            _ => role ?? "",
        };
    }
}
