using System.Text;
using Microsoft.AspNetCore.Mvc;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

[Route("admin/export")]
public sealed class ExportController(ArchiveExporter exporter, TimeProvider clock) : AdminControllerBase
{
    [HttpGet("summaries/{id:int}")]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        var file = await exporter.SummaryAsync(id, cancellationToken);
        return file is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(file.Text), "text/markdown; charset=utf-8", Path.GetFileName(file.Path));
    }

    [HttpGet("months/{month}")]
    public async Task<IActionResult> Month(string month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth(month, out var valid)
            ? File(await exporter.ZipAsync(valid, cancellationToken), "application/zip", $"pprnet-{valid}.zip")
            : NotFound();

    [HttpGet("archive")]
    public async Task<IActionResult> Archive(CancellationToken cancellationToken) =>
        File(await exporter.ZipAsync(null, cancellationToken), "application/zip", $"pprnet-archive-{clock.GetUtcNow():yyyy-MM-dd}.zip");
}
