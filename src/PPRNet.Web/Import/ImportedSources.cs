using System.Data.Common;
using PPRNet.Web.Data;

namespace PPRNet.Web.Import;

/// <summary>What an import compares the content folder with, read as plain rows inside its
/// transaction (<see cref="DatabaseRows"/>): a re-import of an unchanged archive reads only these.
/// Rows an import changes are still loaded and saved through EF.</summary>
internal static class ImportedSources
{
    public static Task<List<ExistingRow>> SummariesAsync(BlogDbContext db, CancellationToken cancellationToken) =>
        db.Database.ReadRowsAsync(
            "SELECT Id, Month, Slug, SourcePath, ContentHash, EditedOnWeb, SourceLength, SourceWrittenTicks FROM Summaries",
            row => new ExistingRow(row.GetInt32(0), row.GetString(1), row.GetString(2), Text(row, 3), Text(row, 4), row.GetBoolean(5),
                Number(row, 6), Number(row, 7)),
            cancellationToken);

    /// <summary>Files of summaries an admin purged on the web, which an import skips.</summary>
    public static async Task<HashSet<string>> PurgedAsync(BlogDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.ReadRowsAsync("SELECT SourcePath FROM PurgedSources", row => row.GetString(0), cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Each month intro's hash of the file it was last imported from.</summary>
    public static async Task<Dictionary<string, string?>> IntroHashesAsync(BlogDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.ReadRowsAsync("SELECT Month, ContentHash FROM MonthIssues", row => (Month: row.GetString(0), Hash: Text(row, 1)),
            cancellationToken))
        .ToDictionary(r => r.Month, r => r.Hash, StringComparer.Ordinal);

    /// <summary>The terms of each kind as (slug, English name, French name).</summary>
    public static async Task<(List<TaxonomyTermRow> Topics, List<TaxonomyTermRow> Types)> TermsAsync(
        BlogDbContext db, CancellationToken cancellationToken)
    {
        static TaxonomyTermRow Term(DbDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2));
        return (await db.Database.ReadRowsAsync("SELECT Slug, Name, NameFr FROM Topics", Term, cancellationToken),
            await db.Database.ReadRowsAsync("SELECT Slug, Name, NameFr FROM ResearchTypes", Term, cancellationToken));
    }

    private static string? Text(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static long? Number(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt64(column);
}

/// <summary>A topic or research type as the database holds it, for comparing with taxonomy.yml.</summary>
public sealed record TaxonomyTermRow(string Slug, string Name, string NameFr);
