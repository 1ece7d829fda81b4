using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Admin;

/// <summary>A revision's note as the history shows it: the notes are stored in English (the log
/// is a record), and the ones the editor writes itself read in the page's language.</summary>
public static class RevisionNotes
{
    private const string Restored = "Restored revision ";

    public static string Shown(string note, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(t);
        if (note == "Created")
        {
            return t["Created"];
        }

        if (note == "Edited")
        {
            return t["Edited"];
        }

        return note.StartsWith(Restored, StringComparison.Ordinal)
            && int.TryParse(note.AsSpan(Restored.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? t["Restored revision {0}", number]
            : note;
    }
}
