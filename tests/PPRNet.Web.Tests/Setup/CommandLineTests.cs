using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The command line itself: help, typos and missing arguments never start the site.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string database = AppCommand.NewDatabasePath();

    public void Dispose() => AppCommand.DeleteDatabase(database);

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_every_command_with_its_arguments(string help)
    {
        var (exitCode, output) = await AppCommand.RunAsync(database, [help]);

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "import [folder]", "export [folder]", "create-admin --email E", "unlock --email E", "backup FILE",
            "restore FILE", "help" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("backupp", "x.db")]
    [InlineData("backup")]
    [InlineData("create-admin", "someone@example.org")]
    public async Task An_unknown_command_or_a_missing_argument_prints_the_list_and_exits_2(params string[] args)
    {
        var (exitCode, output) = await AppCommand.RunAsync(database, args);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command or wrong arguments", output, StringComparison.Ordinal);
        Assert.Contains("backup FILE", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Import_of_a_deeply_nested_file_names_it_and_exits_1_with_the_rest_imported()
    {
        using var content = new TestContent();
        content.WriteSummary("2021-04", "fine");
        content.WriteSummary("2021-04", "deep", body: string.Concat(Enumerable.Repeat("> ", 200)) + "deep");

        var (exitCode, output) = await AppCommand.RunAsync(database, ["import", content.Root]);

        Assert.Equal(1, exitCode);
        Assert.Contains("1 added", output, StringComparison.Ordinal);
        Assert.Contains("error: summaries/2021/04-deep.md:", output, StringComparison.Ordinal);
        Assert.Contains("summary: nests quotes (>) or lists more than 32 levels deep", output, StringComparison.Ordinal);
    }
}
