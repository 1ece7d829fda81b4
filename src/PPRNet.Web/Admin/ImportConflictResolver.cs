using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;

namespace PPRNet.Web.Admin;

/// <summary>Closes the import conflicts editors have dealt with: a file changed on disk after the
/// summary was edited on the web.</summary>
public sealed class ImportConflictResolver(BlogDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> ResolveConflictAsync(int conflictId, string user, CancellationToken cancellationToken)
    {
        var conflict = await db.ImportConflicts.Include(c => c.Summary)
            .FirstOrDefaultAsync(c => c.Id == conflictId && c.ResolvedAt == null, cancellationToken);
        if (conflict is null)
        {
            return false;
        }

        conflict.ResolvedAt = clock.GetUtcNow();
        conflict.ResolvedBy = user;
        // The editor has taken what they wanted from this file version: it is no longer news.
        conflict.Summary.ContentHash = conflict.FileHash;
        audit.Record(user, AuditActions.ImportConflict, conflict.SourcePath, $"marked resolved for \"{conflict.Summary.Title}\"");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
