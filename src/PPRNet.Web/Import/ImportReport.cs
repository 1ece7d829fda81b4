using PPRNet.Web.Shared;

namespace PPRNet.Web.Import;

/// <summary>One problem in one content file, located well enough for an editor to fix it: a
/// <see cref="FieldError"/> (the front-matter field, or "file", "slug", "intro") with its file and line.</summary>
public sealed record ImportError(string File, int Line, string Field, string Message)
{
    /// <summary>The problem without its place, for an editor that shows it beside a form field.</summary>
    public FieldError Problem => new(Field, Message);

    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

public sealed class ImportReport(string folder)
{
    public string Folder { get; } = folder;
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Files of summaries an admin purged on the web; they are not imported again.</summary>
    public int SkippedPurged { get; set; }
    public List<string> Conflicts { get; } = [];
    public List<ImportError> Errors { get; } = [];

    public bool Succeeded => Errors.Count == 0;
    public bool ChangedNothing => Added == 0 && Updated == 0;

    public string Headline =>
        $"{Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts.Count} conflicts, {Errors.Count} errors"
        + (SkippedPurged > 0 ? $", {SkippedPurged} skipped (purged on the web)" : "")
        + (ChangedNothing && Succeeded ? " (nothing to change)" : "");
}
