using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>Every connection the site opens, through EF Core (the import, the editors' saves) or
/// through <see cref="PreparedStatements"/> (the public pages), carries the same SQLite settings.</summary>
public sealed class SqliteTuningTests : IDisposable
{
    // SQLite's value for temp_store = MEMORY.
    private const long InMemory = 2;

    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task The_sites_connections_keep_statement_journals_and_temporary_tables_in_memory()
    {
        await using var site = new BlogSite(content.Root);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var statements = site.Services.GetRequiredService<PreparedStatements>();

        var throughEf = await db.Database.ReadNumberAsync("PRAGMA temp_store", TestContext.Current.CancellationToken);
        var throughPrepared = statements.Read("PRAGMA temp_store", _ => { }, reader => reader.Read() ? reader.GetInt64(0) : -1);

        Assert.Equal(InMemory, throughEf);
        Assert.Equal(InMemory, throughPrepared);
    }
}
