namespace PPRNet.Web.Import;

/// <summary>What the database already holds for a summary file, to tell new, changed and unchanged apart.</summary>
internal sealed record ExistingRow(int Id, string Month, string Slug, string? SourcePath, string? ContentHash, bool EditedOnWeb,
    long? SourceLength, long? SourceWrittenTicks);
