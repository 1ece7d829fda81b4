using System.Collections.Concurrent;
using System.Net;
using PPRNet.Web.Tests.Admin;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>`backup FILE` while editors save, then `restore FILE` into another database.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string database = AppCommand.NewDatabasePath();
    private readonly string restored = AppCommand.NewDatabasePath();
    private readonly string backup = AppCommand.NewDatabasePath();

    public void Dispose()
    {
        content.Dispose();
        AppCommand.DeleteDatabase(database);
        AppCommand.DeleteDatabase(restored);
        AppCommand.DeleteDatabase(backup);
    }

    [Fact]
    public async Task A_backup_taken_during_saves_restores_with_every_save_acknowledged_before_it()
    {
        content.WriteSummary("2021-04", "imported");
        List<string> acknowledgedBefore;
        string backupOutput;
        await using (var site = new BlogSite(content.Root, database))
        {
            await site.AddStaffAsync();
            var editor = await site.SignedInAsync(BlogSite.EditorEmail);
            var acknowledged = new ConcurrentQueue<string>();
            using var stop = new CancellationTokenSource();
            var saving = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var (saved, _) = await editor.SubmitAsync("/admin/summaries/new", "form.summary-form",
                        SummaryFormTests.Typed($"Backup Save {i}", "2021-02"), button: "intent=save");
                    Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                    acknowledged.Enqueue($"backup-save-{i}");
                }
            }, TestContext.Current.CancellationToken);
            await Eventually.Async(
                () => saving.IsFaulted ? throw saving.Exception!.GetBaseException() : acknowledged.Count >= 5,
                TimeSpan.FromMinutes(1), "the site has acknowledged five saves");

            acknowledgedBefore = [.. acknowledged];
            var (exitCode, output) = await AppCommand.RunAsync(database, ["backup", backup]);
            backupOutput = output;
            await stop.CancelAsync();
            await saving;
            Assert.True(exitCode == 0, output);
        }

        Assert.Contains("integrity ok; Summaries ", backupOutput, StringComparison.Ordinal);
        var restore = await AppCommand.RunAsync(restored, ["restore", backup]);
        Assert.Equal(0, restore.ExitCode);
        await using var restoredSite = new BlogSite(content.Root, restored);
        foreach (var slug in acknowledgedBefore.Append("imported"))
        {
            var (response, _) = await restoredSite.GetPageAsync($"/blog/2021/{(slug == "imported" ? "04" : "02")}/{slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
