using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PPRNet.Web.Tests.Support;

/// <summary>Every SQL command run on one database file, with its parameters, so a test can count
/// them and ask SQLite for each one's query plan. It listens to EF Core's diagnostic events and to
/// the prepared page statements' (<see cref="PPRNet.Web.Data.PreparedStatements"/>), and keeps only
/// the commands on its own database, as other tests run at the same time.</summary>
public sealed class SqlRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string databasePath;
    private readonly Lock gate = new();
    private readonly List<RecordedCommand> commands = [];
    private readonly List<IDisposable> subscriptions = [];

    // The recorder watching the current flow of work: commands of the site's background services
    // (the mail outbox polls the same database) run outside it and are never counted.
    private static readonly AsyncLocal<SqlRecorder?> Watching = new();

    public SqlRecorder(string databasePath)
    {
        this.databasePath = Path.GetFullPath(databasePath);
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<RecordedCommand> Commands
    {
        get
        {
            lock (gate)
            {
                return commands.ToList();
            }
        }
    }

    /// <summary>Records the commands run in this flow of work (a request sent from it, with the
    /// test server keeping the caller's execution context) until the result is disposed.</summary>
    public IDisposable Watch()
    {
        Watching.Value = this;
        return new Stop();
    }

    private sealed class Stop : IDisposable
    {
        public void Dispose() => Watching.Value = null;
    }

    public void Clear()
    {
        lock (gate)
        {
            commands.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name is Microsoft.EntityFrameworkCore.DbLoggerCategory.Name or PPRNet.Web.Data.PreparedStatements.DiagnosticName)
        {
            lock (gate)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // EF's commands and the prepared page statements, each once it has run.
        var command = value switch
        {
            { Key: var key, Value: CommandExecutedEventData data } when key == RelationalEventId.CommandExecuted.Name => data.Command,
            { Key: PPRNet.Web.Data.PreparedStatements.ExecutedEvent, Value: DbCommand prepared } => prepared,
            _ => null,
        };
        if (Watching.Value != this || command?.Connection is not SqliteConnection connection
            || !string.Equals(Path.GetFullPath(connection.DataSource), databasePath, StringComparison.Ordinal))
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (gate)
        {
            commands.Add(new RecordedCommand(command.CommandText, parameters));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (gate)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}

public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
