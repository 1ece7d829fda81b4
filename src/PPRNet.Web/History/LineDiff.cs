using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PPRNet.Web.History;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>Line-by-line differences between two versions of a summary's Markdown.</summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false);
        return model.Lines.Select(l => new DiffLine(
            l.Type switch
            {
                ChangeType.Deleted => DiffKind.Removed,
                ChangeType.Inserted => DiffKind.Added,
                _ => DiffKind.Same,
            },
            l.Text)).ToList();
    }
}
