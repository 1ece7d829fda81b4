using PPRNet.Web.Data;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Import;

/// <summary>An import's new summaries, each with its topics, first revision and audit entry, through
/// one compiled statement per table (<see cref="RowInserter"/>), prepared on first use and kept for
/// the run: EF's tracked insert of every row was most of a large import's time.</summary>
internal sealed class NewSummaryRows(BlogDbContext db) : IAsyncDisposable
{
    private Statements? statements;

    /// <summary>Called after the batch's tracked changes are saved, so a summary that moved frees its place first.</summary>
    public async Task InsertAsync(List<(NewSummary Created, AuditEntry Audit)> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var (summaries, links, revisions, audit, summaryColumn, topicColumn) = statements ??= await PrepareAsync(cancellationToken);
        foreach (var ((summary, revision), entry) in added)
        {
            summary.Id = checked((int)await summaries.InsertAsync(summary, cancellationToken));
            foreach (var topic in summary.Topics)
            {
                await links.InsertAsync(new Dictionary<string, object> { [summaryColumn] = summary.Id, [topicColumn] = topic.Id },
                    cancellationToken);
            }

            revision.SummaryId = summary.Id;
            revision.Id = checked((int)await revisions.InsertAsync(revision, cancellationToken));
            entry.Id = checked((int)await audit.InsertAsync(entry, cancellationToken));
            PublicPageCacheEviction.Inserted(db, summary);
        }
    }

    private async Task<Statements> PrepareAsync(CancellationToken cancellationToken)
    {
        var summaryType = db.Model.FindEntityType(typeof(Summary))!;
        var topicLinks = summaryType.FindSkipNavigation(nameof(Summary.Topics))!;
        return new Statements(
            await RowInserter.PrepareAsync(db, summaryType, cancellationToken),
            await RowInserter.PrepareAsync(db, topicLinks.JoinEntityType, cancellationToken),
            await RowInserter.PrepareAsync(db, db.Model.FindEntityType(typeof(SummaryRevision))!, cancellationToken),
            await RowInserter.PrepareAsync(db, db.Model.FindEntityType(typeof(AuditEntry))!, cancellationToken),
            topicLinks.ForeignKey.Properties[0].Name, topicLinks.Inverse.ForeignKey.Properties[0].Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (statements is { } prepared)
        {
            await prepared.Summaries.DisposeAsync();
            await prepared.Links.DisposeAsync();
            await prepared.Revisions.DisposeAsync();
            await prepared.Audit.DisposeAsync();
        }
    }

    private sealed record Statements(
        RowInserter Summaries, RowInserter Links, RowInserter Revisions, RowInserter Audit, string SummaryColumn, string TopicColumn);
}
