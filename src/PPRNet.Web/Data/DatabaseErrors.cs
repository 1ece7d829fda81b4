using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PPRNet.Web.Data;

/// <summary>What a refused write means, read from SQLite's error codes in one place.</summary>
public static class DatabaseErrors
{
    // SQLITE_CONSTRAINT (19) with its UNIQUE (2067) or PRIMARYKEY (1555) extended code. Other
    // constraint failures (NOT NULL, a foreign key) are bugs, not a second writer, and stay errors.
    private const int Constraint = 19;
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    /// <summary>True when the database refused a row because a unique index or primary key already
    /// holds its key: another request wrote the same thing first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception?.InnerException is SqliteException
        {
            SqliteErrorCode: Constraint, SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint,
        };
}
