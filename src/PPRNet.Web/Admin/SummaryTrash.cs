using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;

namespace PPRNet.Web.Admin;

/// <summary>The trash: a summary moved there leaves every public page at once and can be restored;
/// an Admin can purge it for good, and a purged file is then never imported again.</summary>
public sealed class SummaryTrash(BlogDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> TrashAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, cancellationToken);
        if (summary is null)
        {
            return false;
        }

        summary.DeletedAt = clock.GetUtcNow();
        summary.DeletedBy = user;
        summary.EditedOnWeb = true;
        summary.Version++;
        audit.Record(user, AuditActions.Delete, summary.Title, "moved to the trash");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RestoreFromTrashAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt != null, cancellationToken);
        if (summary is null)
        {
            return false;
        }

        summary.DeletedAt = null;
        summary.DeletedBy = null;
        summary.Version++;
        summary.UpdatedBy = user;
        summary.UpdatedAt = clock.GetUtcNow();
        audit.Record(user, AuditActions.Restore, summary.Title, "restored from the trash");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes a trashed summary and its history for good (Admins only).</summary>
    public async Task<bool> PurgeAsync(int id, string user, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries.Include(s => s.Topics).FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt != null,
            cancellationToken);
        if (summary is null)
        {
            return false;
        }

        db.Summaries.Remove(summary);
        if (summary.SourcePath is not null && !await db.PurgedSources.AnyAsync(p => p.SourcePath == summary.SourcePath, cancellationToken))
        {
            db.PurgedSources.Add(new PurgedSource { SourcePath = summary.SourcePath, PurgedAt = clock.GetUtcNow(), PurgedBy = user });
        }

        audit.Record(user, AuditActions.Purge, summary.Title, $"{summary.Month}/{summary.Slug} deleted for good");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
