using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PPRNet.Web.Data;

/// <summary>The statements of the hottest public pages, compiled once per connection and kept.
/// Compiling a statement costs SQLite more than the index seeks it then runs, and a DbContext
/// compiles every statement again on every request, so these pages read through here instead: a
/// few connections stay open, each keeping its compiled statements, and a request borrows one.
/// The SQL is built from <see cref="SummaryQueries"/>' rules like every other raw statement.</summary>
public sealed class PreparedStatements(string connectionString) : IDisposable
{
    /// <summary>The statements here run on the CPU (once the database is in the operating
    /// system's cache), so no more of them run at once than there are cores; a request beyond
    /// that waits for a connection instead of opening another. Each open connection keeps its own
    /// page cache (8 MB, <see cref="SqliteTuning"/>): on two cores, the eight or nine opened for
    /// threads the operating system had paused mid-statement took a 100,000-summary server's
    /// native heap to 78-107 MiB, and two took it to 42-55 MiB with the pages as fast (README,
    /// "Kept on 2026-12-07").</summary>
    public static readonly int MaxOpen = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The diagnostic source each executed statement is written to (as EF Core writes its
    /// own commands), so profilers and the tests that read every page's SQL see these too.</summary>
    public const string DiagnosticName = "PPRNet.Web.PreparedStatements";

    public const string ExecutedEvent = "Executed";

    private static readonly DiagnosticListener Diagnostics = new(DiagnosticName);

    // A read inside a read would wait for a turn its own thread holds.
    [ThreadStatic]
    private static bool InsideRead;

    private readonly ConcurrentBag<Session> idle = [];
    private readonly SemaphoreSlim turns = new(MaxOpen, MaxOpen);
    private bool disposed;

    public string ConnectionString { get; } = connectionString;

    /// <summary>A parameter in LIMIT or OFFSET, as the statements here must write it. SQLite treats
    /// a bare parameter there as a constant of the plan and compiles the statement again whenever
    /// that parameter is bound, which Microsoft.Data.Sqlite does on every run; the same value behind
    /// a CAST is an ordinary expression. Fixed sizes are written as numbers.</summary>
    public static string Bound(string parameter) => $"CAST({parameter} AS INTEGER)";

    /// <summary>Runs <paramref name="sql"/> (compiled on first use on the borrowed connection) with
    /// the parameters <paramref name="bind"/> sets, and returns what <paramref name="read"/> makes
    /// of its rows.</summary>
    public T Read<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (InsideRead)
        {
            throw new InvalidOperationException("A statement's reader cannot read another statement.");
        }

        turns.Wait();
        InsideRead = true;
        try
        {
            return ReadOnSession(sql, bind, read);
        }
        finally
        {
            InsideRead = false;
            turns.Release();
        }
    }

    private T ReadOnSession<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read)
    {
        var session = idle.TryTake(out var kept) ? kept : new Session(ConnectionString);
        try
        {
            var command = session.Command(sql);
            command.Parameters.Clear();
            bind(command.Parameters);
            T result;
            using (var reader = command.ExecuteReader())
            {
                result = read(reader);
            }

            if (Diagnostics.IsEnabled(ExecutedEvent))
            {
                Diagnostics.Write(ExecutedEvent, command);
            }

            Return(session);
            return result;
        }
        catch
        {
            // A connection that failed mid-statement is not trusted with the next request.
            session.Dispose();
            throw;
        }
    }

    private void Return(Session session)
    {
        if (disposed)
        {
            session.Dispose();
            return;
        }

        idle.Add(session);
    }

    public void Dispose()
    {
        // The turns stay: a request finishing during shutdown still gives its turn back.
        disposed = true;
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private sealed class Session : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        public Session(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            SqliteTuning.Apply(connection);
        }

        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Prepare();
                commands[sql] = command;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
