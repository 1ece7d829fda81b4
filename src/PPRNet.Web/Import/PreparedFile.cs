using System.Text;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Import;

/// <summary>A content file read and checked, ready to be written in the import's transaction.
/// Reading is pure work on one file, so an import reads many at once.</summary>
internal sealed record PreparedFile(
    string Display, long Length, long WrittenAt, bool UnchangedOnDisk, bool SameHash, string? Hash, string? Text,
    SummaryContent? Content, RenderedSummary? Rendered, List<ImportError> Errors)
{
    /// <summary>For a file the database has not seen: its summary and first revision, built with
    /// the rendering; written only if the file turns out to be new after all checks.</summary>
    public NewSummary? New { get; init; }

    /// <summary>A file as read: unchanged (by its length and time as listed, or its hash), or parsed
    /// and rendered.</summary>
    public static PreparedFile Read(
        FileInfo info, string display, ExistingRow? known, TaxonomyLookup lookup, SummaryWriter writer, RevisionLog revisions)
    {
        ArgumentNullException.ThrowIfNull(info);
        var errors = new List<ImportError>();
        var path = info.FullName;
        var writtenAt = info.LastWriteTimeUtc.Ticks;
        PreparedFile Refused() => new(display, info.Length, writtenAt, false, false, null, null, null, null, errors);
        if (known is not null && known.Describes(info))
        {
            return new PreparedFile(display, info.Length, writtenAt, true, true, known.ContentHash, null, null, null, errors);
        }

        // Too large a file is refused from its length, before a byte of it is read.
        if (ContentLimits.FileProblem(path, display) is { } tooLarge)
        {
            errors.Add(tooLarge);
            return Refused();
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var hash = ContentHash.Of(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            if (known?.ContentHash == hash)
            {
                return new PreparedFile(display, info.Length, writtenAt, false, true, hash, text, null, null, errors);
            }

            var content = SummaryFileParser.Parse(display, text, lookup, errors);
            var file = new PreparedFile(display, info.Length, writtenAt, false, false, hash, text, content,
                content is null ? null : writer.Render(content), errors);
            if (known is not null || content is null)
            {
                return file;
            }

            var summary = writer.Create(content, file.Rendered);
            file.Remember(summary);
            summary.Version = 1;
            return file with
            {
                New = new NewSummary(summary, revisions.First(summary, ContentImporter.UserName, $"Imported from {display}")),
            };
        }
        catch (ContentRejectedException e)
        {
            // The writer refused a field the parser's checks let through: this file only.
            errors.Add(new ImportError(display, 1, e.Field, e.Problem));
            return Refused();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // One unreadable file is reported like any other bad file; the rest still import.
            errors.Add(new ImportError(display, 0, "file", $"could not be read: {e.Message}"));
            return Refused();
        }
    }

    /// <summary>Marks the summary as this file's, so the next run can tell the file unchanged.</summary>
    public void Remember(Summary summary)
    {
        summary.SourcePath = Display;
        summary.ContentHash = Hash;
        summary.SourceLength = Length;
        summary.SourceWrittenTicks = WrittenAt;
        summary.UpdatedBy = ContentImporter.UserName;
    }
}

/// <summary>A summary to insert with its first revision.</summary>
internal sealed record NewSummary(Summary Summary, SummaryRevision Revision);
