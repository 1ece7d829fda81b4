namespace PPRNet.Web.Import;

/// <summary>The summaries the database holds, by month and slug and by the file they came from,
/// and the files of summaries purged on the web.</summary>
internal sealed class KnownSources(List<ExistingRow> rows, HashSet<string> purged)
{
    public Dictionary<(string Month, string Slug), ExistingRow> ByKey { get; } = rows.ToDictionary(r => (r.Month, r.Slug));

    public Dictionary<string, ExistingRow> BySource { get; } = rows.Where(r => r.SourcePath is not null)
        .GroupBy(r => r.SourcePath!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public HashSet<string> Purged { get; } = purged;

    /// <summary>True when the file is known to be unchanged since it was last imported, unread.</summary>
    public bool Describes(FileInfo file, string display) => BySource.GetValueOrDefault(display)?.Describes(file) == true;
}
