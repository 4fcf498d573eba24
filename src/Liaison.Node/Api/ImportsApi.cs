using Liaison.Core.Policy;
using Liaison.Interchange.Csv;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Api;

/// <summary>Upload a file into a case: the same all-or-nothing import as the CLI.</summary>
internal static class ImportsApi
{
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{caseId}/imports", async (string caseId, string fileName, string? purpose, string? map, bool? skipInvalid, HttpContext http,
            RequestGate gate, NodeConfig node, TimeProvider clock, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.Import, caseId, purpose, subject: $"file {Path.GetFileName(fileName)}", ct: ct);
            if (!decision.IsPermitted)
            {
                return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
            }
            if (http.Request.ContentLength is > MaxUploadBytes)
            {
                return Problems.BadRequest($"uploads are limited to {MaxUploadBytes / (1024 * 1024)} MiB");
            }
            var safeName = Path.GetFileName(fileName);
            var temp = Path.Combine(Path.GetTempPath(), "liaison-upload-" + Guid.NewGuid().ToString("N") + Path.GetExtension(safeName));
            try
            {
                await using (var file = File.Create(temp))
                {
                    await http.Request.Body.CopyToAsync(file, ct);
                }
                var result = await new ImportService(node, clock).ImportAsync(() => File.OpenRead(temp), safeName, new ImportOptions
                {
                    CaseId = caseId,
                    ImportedBy = (await gate.CallerAsync(ct)).UserId,
                    SkipInvalid = skipInvalid ?? false,
                    Mapping = map is null ? null : ColumnMapping.Parse(map),
                }, ct);
                return Results.Ok(result with { RejectsReport = result.RejectsReport is null ? null : Path.GetFileName(result.RejectsReport) });
            }
            finally
            {
                File.Delete(temp);
            }
        }).WithSummary("Import a file (FtM JSON lines, STIX 2.1, CSV, edge list, CDR) into a case");
        return group;
    }
}
