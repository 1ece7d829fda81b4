using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Search;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>Imports content/ (taxonomy.yml, summaries/**/*.md, issues/YYYY-MM.md) into the database.
/// Every file is checked first; the valid ones are then written in one transaction, so a run
/// either lands whole or not at all, and a bad file never stops the good ones. The database is the
/// system of record: a summary an editor changed on the web is never overwritten by its file.</summary>
public sealed partial class ContentImporter(
    BlogDbContext db,
    SummaryWriter writer,
    MonthIntroImporter intros,
    RevisionLog revisions,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ContentImporter> logger)
{
    public const string UserName = "content import";

    public async Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        var report = new ImportReport(root);
        if (!Directory.Exists(root))
        {
            report.Errors.Add(new ImportError(root, 0, "folder", "content folder not found"));
            Log(report);
            return report;
        }

        var taxonomy = TaxonomyFile.Load(Path.Combine(root, TaxonomyFile.FileName), TaxonomyFile.FileName, report.Errors);
        if (taxonomy is null)
        {
            Log(report);
            return report;
        }

        // Listing the files and reading their sizes and times is disk work, done on the other core
        // while the database is read (a re-import of an unchanged archive is mostly this and start-up).
        var listing = Task.Run(() => SummaryFiles(root), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var known = new KnownSources(await ImportedSources.SummariesAsync(db, cancellationToken),
            await ImportedSources.PurgedAsync(db, cancellationToken));
        var listed = await listing;
        // The terms are loaded (and the file's new ones added) when a summary file is to be read,
        // or when taxonomy.yml may add or translate a term; otherwise nothing needs them.
        var lookup = listed.All(file => known.Purged.Contains(file.Display) || known.Describes(file.File, file.Display))
            && TaxonomyImport.ChangesNothing(taxonomy, await ImportedSources.TermsAsync(db, cancellationToken))
                ? new TaxonomyLookup([], [])
                : await TaxonomyImport.AddMissingAsync(db, taxonomy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ImportSummariesAsync(listed, known, lookup, report, cancellationToken);
        await intros.ImportAsync(root, report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log(report);
        return report;
    }

    /// <summary>summaries/**/*.md in a fixed order, each with its size and time already read and
    /// the path reports name it by; none when there is no summaries folder.</summary>
    private static List<(FileInfo File, string Display)> SummaryFiles(string root)
    {
        var folder = Path.Combine(root, "summaries");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(path => (File: Stat(path), Display: Path.GetRelativePath(root, path).Replace('\\', '/')))
                .ToList()
            : [];
    }

    private static FileInfo Stat(string path)
    {
        // FileInfo reads the disk on first use; refreshed here, that happens on the listing's core.
        var info = new FileInfo(path);
        info.Refresh();
        return info;
    }

    private async Task ImportSummariesAsync(
        List<(FileInfo File, string Display)> listed, KnownSources known, TaxonomyLookup lookup, ImportReport report,
        CancellationToken cancellationToken)
    {
        if (listed.Count == 0)
        {
            return;
        }

        var (byKey, bySource) = (known.ByKey, known.BySource);
        var claimed = new Dictionary<(string, string), string>();
        var files = listed.Where(file => !known.Purged.Contains(file.Display) || SkipPurged(report)).ToList();

        // Loading a large archive into an empty database: the search index and the archive's
        // tallies are built once at the end, in this same transaction, not row by row.
        var bulk = byKey.Count == 0 && files.Count >= BulkThreshold;
        if (bulk)
        {
            await SearchIndex.SuspendAsync(db, cancellationToken);
            await ArchiveTallies.SuspendAsync(db, cancellationToken);
        }

        await using var newRows = new NewSummaryRows(db);
        // Reading, parsing and rendering are pure work on each file: both cores share them, and the
        // next batch is read while this one is written (writing alone kept one core idle for a third
        // of a large import). Writing stays in file order, one batch at a time, inside the run's one
        // transaction; a batch read ahead of a failed write is simply dropped.
        var batches = files.Chunk(BatchSize).ToList();
        List<PreparedFile> Prepare(int index) => batches[index].AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(file => PreparedFile.Read(file.File, file.Display, bySource.GetValueOrDefault(file.Display), lookup, writer,
                revisions))
            .ToList();
        var next = batches.Count > 0 ? Task.Run(() => Prepare(0), cancellationToken) : null;
        for (var index = 0; next is not null; index++)
        {
            var prepared = await next;
            var following = index + 1;
            next = following < batches.Count ? Task.Run(() => Prepare(following), cancellationToken) : null;
            var added = new List<(NewSummary, AuditEntry)>();
            foreach (var file in prepared)
            {
                await WriteAsync(file, byKey, bySource, claimed, added, report, cancellationToken);
            }

            // A batch of unchanged files tracks nothing but the terms: nothing to save or to forget.
            var tracked = TracksRows(db);
            if (tracked)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await newRows.InsertAsync(added, cancellationToken);
            if (tracked)
            {
                // Tracked rows of earlier batches are not needed again; forgetting them keeps memory flat.
                db.ChangeTracker.Clear();
                lookup.AttachTo(db);
            }
        }

        if (bulk)
        {
            await SearchIndex.EnsureAsync(db, logger, cancellationToken);
            await ArchiveTallies.EnsureAsync(db, logger, cancellationToken);
        }
    }

    /// <summary>Whether anything but the taxonomy's terms is tracked, asked without EF's scan for
    /// changes (a millisecond a batch): nothing changes a term while summaries are written.</summary>
    private static bool TracksRows(BlogDbContext db)
    {
        var detects = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries().Any(entry => entry.Entity is not TaxonomyTerm);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detects;
        }
    }

    /// <summary>From how many files a first import builds the derived indexes in one pass.</summary>
    private const int BulkThreshold = 1000;

    /// <summary>How many files are read and written together. Two batches are held at once (one
    /// written, the next read ahead), so this bounds the memory an import holds: at 256 a cold 10k
    /// import peaked at 279-323 MiB, at 128 at 270-301 MiB, in the same time.</summary>
    private const int BatchSize = 128;

    private static bool SkipPurged(ImportReport report)
    {
        report.SkippedPurged++;
        return false;
    }

    private async Task WriteAsync(
        PreparedFile file, Dictionary<(string, string), ExistingRow> byKey, Dictionary<string, ExistingRow> bySource,
        Dictionary<(string, string), string> claimed, List<(NewSummary, AuditEntry)> added, ImportReport report,
        CancellationToken cancellationToken)
    {
        report.Errors.AddRange(file.Errors);
        var display = file.Display;
        if (file.SameHash)
        {
            // Same bytes as last time: nothing to parse; a new file time is remembered so the next
            // run can skip the file without reading it.
            report.Unchanged++;
            var row = bySource[display];
            if (!claimed.TryAdd((row.Month, row.Slug), display))
            {
                report.Errors.Add(new ImportError(display, 1, "slug",
                    $"\"{row.Slug}\" is already used in {row.Month} by {claimed[(row.Month, row.Slug)]}; "
                    + "slugs must be unique within a month"));
            }

            if (!file.UnchangedOnDisk)
            {
                await db.Summaries.Where(s => s.Id == row.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.SourceLength, file.Length).SetProperty(s => s.SourceWrittenTicks, file.WrittenAt),
                        cancellationToken);
            }

            return;
        }

        if (file.Content is not { } content)
        {
            return;
        }

        var key = (content.Month, content.Slug);
        if (claimed.TryGetValue(key, out var first))
        {
            report.Errors.Add(new ImportError(display, 1, "slug",
                $"\"{content.Slug}\" is already used in {content.Month} by {first}; slugs must be unique within a month"));
            return;
        }

        claimed[key] = display;
        // The same file may have moved its summary to another month or slug: it is still that summary.
        var existing = byKey.GetValueOrDefault(key) ?? bySource.GetValueOrDefault(display);
        if (existing is null)
        {
            // Not known by this source path (so prepared as new) nor by its month and slug.
            added.Add((file.New!, audit.Entry(UserName, AuditActions.Import, $"{content.Month}/{content.Slug}", $"added from {display}")));
            report.Added++;
        }
        else if (existing.ContentHash == file.Hash)
        {
            report.Unchanged++;
        }
        else if (existing.EditedOnWeb)
        {
            await RecordConflictAsync(existing.Id, display, file.Hash!, file.Text!, report, cancellationToken);
        }
        else
        {
            var summary = await db.Summaries.Include(s => s.Topics).Include(s => s.ResearchType)
                .SingleAsync(s => s.Id == existing.Id, cancellationToken);
            writer.Apply(summary, content, file.Rendered);
            file.Remember(summary);
            summary.Version++;
            await revisions.AddAsync(summary, UserName, $"Imported from {display}", cancellationToken);
            audit.Record(UserName, AuditActions.Import, $"{content.Month}/{content.Slug}", $"updated from {display}");
            report.Updated++;
        }
    }

    /// <summary>The web version stays; the file's text is kept beside it for an editor to merge.
    /// The same file version is recorded once, however often it is imported again.</summary>
    private async Task RecordConflictAsync(int summaryId, string display, string hash, string text, ImportReport report,
        CancellationToken cancellationToken)
    {
        report.Conflicts.Add(display);
        var known = await db.ImportConflicts.AnyAsync(c => c.SummaryId == summaryId && c.FileHash == hash, cancellationToken);
        if (known)
        {
            return;
        }

        db.ImportConflicts.Add(new ImportConflict
        {
            SummaryId = summaryId,
            SourcePath = display,
            FileHash = hash,
            FileMarkdown = text,
            DetectedAt = clock.GetUtcNow(),
        });
        audit.Record(UserName, AuditActions.ImportConflict, display, "file changed after a web edit; the web version was kept");
        LogConflict(display);
    }

    private void Log(ImportReport report)
    {
        foreach (var error in report.Errors)
        {
            LogFileError(error.File, error.Line, error.Field, error.Message);
        }

        LogResult(report.Folder, report.Added, report.Updated, report.Unchanged, report.Conflicts.Count, report.Errors.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Import conflict: {File} changed after an editor changed its summary on the web; the web version was kept")]
    private partial void LogConflict(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import error in {File}:{Line}: {Field}: {Problem}")]
    private partial void LogFileError(string file, int line, string field, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts} conflicts, {Errors} errors")]
    private partial void LogResult(string folder, int added, int updated, int unchanged, int conflicts, int errors);
}
