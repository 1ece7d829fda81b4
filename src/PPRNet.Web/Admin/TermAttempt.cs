namespace PPRNet.Web.Admin;

/// <summary>A refused add or rename on the taxonomy page, so that page can show that one form again
/// as the admin left it, with the problems beside its fields. <paramref name="Id"/> is null for an add.</summary>
public sealed record TermAttempt(string Kind, int? Id, string? Name, string? NameFr, string? Slug)
{
    /// <summary>Names one form of the page; its problems go into ModelState under this prefix.</summary>
    public string FormKey => KeyOf(Kind, Id);

    public static string KeyOf(string kind, int? id) => id is int termId ? $"{kind}-{termId}" : $"{kind}-new";
}
