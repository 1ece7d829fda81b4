using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PPRNet.Web.Search;

/// <summary>How search orders its matches: FTS5's bm25, a title match weighing most. For a
/// one-word search the ranking is <see cref="OneWordFunction"/>, an FTS5 function of our own.
/// bm25 multiplies each row's score by the word's inverse document frequency, a constant for one
/// word, and counts it by reading the word's whole posting list on every query: for a word in every
/// summary that count was most of the statement's time (4 of 5 ms at 100,000 summaries in the
/// SQLite shell). Without that factor the order is bm25's exactly; searches of several words keep
/// bm25, whose weights between the words are what that count is for.</summary>
public static unsafe partial class SearchRanking
{
    public const string OneWordFunction = "pprnet_rank_one_word";

    // The SQLite that Microsoft.Data.Sqlite's bundle loads: these calls take its handles, so they
    // must reach the same library, not another SQLite on the machine.
    private const string NativeLibrary = "e_sqlite3";

    // bm25's constants, as FTS5 uses them (fts5_aux.c).
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The weight of a match in each column of <see cref="SearchIndex"/>, in its order:
    /// title, citation, summary, implications.</summary>
    private static readonly double[] Weights = [10.0, 3.0, 1.0, 2.0];

    /// <summary>The SQL expression that ranks a row of SummarySearch for a one-word search (lower is better, as bm25).</summary>
    public static readonly string OneWordSql = $"{OneWordFunction}(SummarySearch)";

    /// <summary>The SQL expression that ranks a row of SummarySearch for a search of several words.</summary>
    public static readonly string SeveralWordsSql =
        $"bm25(SummarySearch, {string.Join(", ", Weights.Select(w => w.ToString("0.0", CultureInfo.InvariantCulture)))})";

    /// <summary>Adds <see cref="OneWordFunction"/> to a connection; FTS5 functions belong to a
    /// connection, so every connection that searches needs it.</summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        // FTS5 hands out its API only as a pointer bound to "SELECT fts5(?1)" (sqlite.org/fts5.html#extending_fts5).
        Check(database, raw.sqlite3_prepare_v2(database, "SELECT fts5(?1)", out var statement));
        Fts5Api* api = null;
        using (statement)
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                Check(database, sqlite3_bind_pointer(statement.DangerousGetHandle(), 1, &api, type, 0));
                Check(database, raw.sqlite3_step(statement), raw.SQLITE_ROW);
            }
        }

        if (api is null)
        {
            throw new InvalidOperationException("This SQLite has no FTS5.");
        }

        delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, nint, nint, int, nint*, void> rank = &RankOneWord;
        fixed (byte* name = Encoding.UTF8.GetBytes(OneWordFunction + "\0"))
        {
            Check(database, api->xCreateFunction(api, name, 0, (nint)rank, 0));
        }
    }

    private static void Check(sqlite3 database, int result, int expected = raw.SQLITE_OK)
    {
        if (result != expected && !(expected == raw.SQLITE_ROW && result == raw.SQLITE_DONE))
        {
            throw new SqliteException($"Registering {OneWordFunction}: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
        }
    }

    /// <summary>bm25 of one phrase without its inverse document frequency: the weighted count of
    /// the phrase in the row, saturated by k1 and normalised by the row's length against the
    /// average, as fts5Bm25Function computes it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void RankOneWord(Fts5ExtensionApi* api, nint fts, nint context, int argumentCount, nint* arguments)
    {
        int instances = 0, phrase, column = 0, offset, rowTokens = 0;
        long rows = 0, tokens = 0;
        var result = api->xInstCount(fts, &instances);
        var frequency = 0.0;
        for (var i = 0; result == raw.SQLITE_OK && i < instances; i++)
        {
            result = api->xInst(fts, i, &phrase, &column, &offset);
            frequency += column < Weights.Length ? Weights[column] : 1.0;
        }

        if (result == raw.SQLITE_OK)
        {
            result = api->xColumnSize(fts, -1, &rowTokens);
        }

        if (result == raw.SQLITE_OK)
        {
            result = api->xRowCount(fts, &rows);
        }

        if (result == raw.SQLITE_OK)
        {
            result = api->xColumnTotalSize(fts, -1, &tokens);
        }

        if (result != raw.SQLITE_OK)
        {
            sqlite3_result_error_code(context, result);
            return;
        }

        var averageLength = rows > 0 ? (double)tokens / rows : 1.0;
        var score = frequency * (K1 + 1.0) / (frequency + (K1 * (1 - B + (B * rowTokens / averageLength))));
        sqlite3_result_double(context, -score);
    }

    [LibraryImport(NativeLibrary)]
    private static partial int sqlite3_bind_pointer(nint statement, int index, void* pointer, byte* type, nint destructor);

    [LibraryImport(NativeLibrary)]
    private static partial void sqlite3_result_double(nint context, double value);

    [LibraryImport(NativeLibrary)]
    private static partial void sqlite3_result_error_code(nint context, int code);

    /// <summary>The head of sqlite3.h's fts5_api, up to the one member used.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int iVersion;
        public nint xCreateTokenizer;
        public nint xFindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, nint, nint, nint, int> xCreateFunction;
    }

    /// <summary>The head of sqlite3.h's Fts5ExtensionApi, up to the last member used.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int iVersion;
        public nint xUserData;
        public nint xColumnCount;
        public delegate* unmanaged[Cdecl]<nint, long*, int> xRowCount;
        public delegate* unmanaged[Cdecl]<nint, int, long*, int> xColumnTotalSize;
        public nint xTokenize;
        public nint xPhraseCount;
        public nint xPhraseSize;
        public delegate* unmanaged[Cdecl]<nint, int*, int> xInstCount;
        public delegate* unmanaged[Cdecl]<nint, int, int*, int*, int*, int> xInst;
        public nint xRowid;
        public nint xColumnText;
        public delegate* unmanaged[Cdecl]<nint, int, int*, int> xColumnSize;
    }
}
