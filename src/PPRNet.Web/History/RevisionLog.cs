using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.History;

/// <summary>Keeps every saved state of a summary as a numbered revision in the content format.
/// Numbers are read before the save's transaction, so two simultaneous saves may pick the same
/// one; the unique index on (SummaryId, Number) then refuses the second, which callers report as
/// the conflict it is (<see cref="DatabaseErrors.IsUniqueViolation"/>).</summary>
public sealed class RevisionLog(BlogDbContext db, TimeProvider clock)
{
    /// <summary>Adds a revision of the summary as it now stands (its type and topics loaded).</summary>
    public async Task AddAsync(Summary summary, string user, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var last = summary.Id == 0
            ? 0
            : await db.Revisions.Where(r => r.SummaryId == summary.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        summary.Revisions.Add(Revision(summary, last + 1, user, note));
    }

    /// <summary>The first revision of a new summary, for a caller that writes the rows itself.</summary>
    public SummaryRevision First(Summary summary, string user, string note) => Revision(summary, 1, user, note);

    private SummaryRevision Revision(Summary summary, int number, string user, string note)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SummaryRevision
        {
            SummaryId = summary.Id,
            Number = number,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
            Note = note,
            Markdown = SummaryMarkdown.Write(summary),
        };
    }
}
