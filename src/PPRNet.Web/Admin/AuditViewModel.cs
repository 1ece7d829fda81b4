using PPRNet.Web.Data;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class AuditViewModel : PageViewModel
{
    public required IReadOnlyList<AuditEntry> Entries { get; init; }
}
