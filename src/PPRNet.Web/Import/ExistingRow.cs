namespace PPRNet.Web.Import;

/// <summary>What the database already holds for a summary file, to tell new, changed and unchanged apart.</summary>
internal sealed record ExistingRow(int Id, string Month, string Slug, string? SourcePath, string? ContentHash, bool EditedOnWeb,
    long? SourceLength, long? SourceWrittenTicks)
{
    /// <summary>True when the file has the length and time it had when last imported: it is taken
    /// as unchanged without being read.</summary>
    public bool Describes(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ContentHash is not null && SourceLength == file.Length && SourceWrittenTicks == file.LastWriteTimeUtc.Ticks;
    }
}
