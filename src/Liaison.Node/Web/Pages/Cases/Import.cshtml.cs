using System.Text.Json;
using Liaison.Core.Policy;
using Liaison.Interchange.Csv;
using Liaison.Node.Api;
using Liaison.Node.Web.Cases;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// Upload a file into the case: the same all-or-nothing import as the CLI and the API. A browser with
/// scripts gets upload progress and then the server's import progress as a stream of JSON lines; without
/// scripts the form posts and lands on the import's result page.
/// </summary>
[RequestSizeLimit(ImportsApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportsApi.MaxUploadBytes)]
internal sealed class ImportModel(CaseAccess access, LiaisonDb db, NodeConfig node, TimeProvider clock) : CasePageModel(access)
{
    public const string ProgressHeader = "X-Liaison-Progress";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public override string Tab => "import";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool SkipInvalid { get; set; }

    [BindProperty]
    public string? Mapping { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<ImportRow> Imports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, "imports list", ct: ct) is { } refused)
        {
            return refused;
        }
        await LoadImportsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var fileName = Path.GetFileName(Upload?.FileName ?? "");
        if (await OpenAsync(PolicyAction.Import, $"file {fileName}", ct: ct) is { } refused)
        {
            return refused;
        }
        if (Upload is null || Upload.Length == 0 || fileName.Length == 0)
        {
            return await FormWithErrorAsync("Choose a file to import.", ct);
        }
        var temp = Path.Combine(Path.GetTempPath(), "liaison-upload-" + Guid.NewGuid().ToString("N") + Path.GetExtension(fileName));
        try
        {
            await using (var file = System.IO.File.Create(temp))
            {
                await Upload.CopyToAsync(file, ct);
            }
            var progress = new ImportProgress();
            progress.Report(0, Upload.Length);
            var importedBy = User.Identity!.Name!;
            if (Request.Headers[ProgressHeader] != "ndjson")
            {
                return await CompleteAsync(ImportAsync(temp, fileName, importedBy, progress, ct), ct);
            }
            await StartStreamAsync(ct);
            // On the thread pool: the SQLite bulk path completes its awaits synchronously, so awaited
            // here the import would run to its end before the first progress line could be written.
            return await StreamAsync(Task.Run(() => ImportAsync(temp, fileName, importedBy, progress, ct), ct), progress, ct);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }

    private async Task<ImportResult> ImportAsync(string temp, string fileName, string importedBy, ImportProgress progress, CancellationToken ct)
    {
        var mapping = string.IsNullOrWhiteSpace(Mapping) ? null : ColumnMapping.Parse(Mapping.Trim());
        return await new ImportService(node, clock).ImportAsync(() => System.IO.File.OpenRead(temp), fileName, new ImportOptions
        {
            CaseId = CaseId,
            ImportedBy = importedBy,
            SkipInvalid = SkipInvalid,
            Mapping = mapping,
            Progress = progress.Report,
        }, ct);
    }

    private async Task<IActionResult> CompleteAsync(Task<ImportResult> import, CancellationToken ct)
    {
        try
        {
            var result = await import;
            return Redirect(CasePath("imports/" + result.ImportId));
        }
        catch (Exception e) when (ImportErrors.IsInputError(e))
        {
            return await FormWithErrorAsync(e.Message, ct);
        }
    }

    private async Task StartStreamAsync(CancellationToken ct)
    {
        Response.ContentType = "application/x-ndjson; charset=utf-8";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        await WriteLineAsync(new { phase = "importing", read = 0L, total = Upload!.Length }, ct);
    }

    /// <summary>Streams "importing" lines every quarter second, then "done" with the result page, or "error".</summary>
    private async Task<IActionResult> StreamAsync(Task<ImportResult> import, ImportProgress progress, CancellationToken ct)
    {
        while (!import.IsCompleted)
        {
            await Task.WhenAny(import, Task.Delay(ProgressInterval, clock, ct));
            if (!import.IsCompleted)
            {
                await WriteLineAsync(new { phase = "importing", read = progress.Read, total = progress.Total }, ct);
            }
        }
        try
        {
            var result = await import;
            await WriteLineAsync(new { phase = "done", url = CasePath("imports/" + result.ImportId), accepted = result.Accepted, rejected = result.Rejected }, ct);
        }
        catch (Exception e) when (ImportErrors.IsInputError(e))
        {
            await WriteLineAsync(new { phase = "error", message = e.Message }, ct);
        }
        return new EmptyResult();
    }

    private async Task WriteLineAsync(object line, CancellationToken ct)
    {
        await Response.WriteAsync(JsonSerializer.Serialize(line) + "\n", ct);
        await Response.Body.FlushAsync(ct);
    }

    private async Task<IActionResult> FormWithErrorAsync(string error, CancellationToken ct)
    {
        Error = error;
        await LoadImportsAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadImportsAsync(CancellationToken ct) =>
        Imports = await db.Imports.AsNoTracking().Where(i => i.CaseId == CaseId).OrderByDescending(i => i.Id).Take(20).ToListAsync(ct);
}
