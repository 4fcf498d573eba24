using System.Globalization;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.FtM;
using Liaison.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Export;

/// <summary>
/// Writes a node's records (optionally one case) as FollowTheMoney JSON lines: entities as stored,
/// and call-detail rows as FtM Call entities. Streams, so a million-row case does not sit in memory.
/// </summary>
public static class FtmExport
{
    public static async Task<long> WriteAsync(LiaisonDb db, Stream output, string? caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var writer = new FtmWriter(output);
        long count = 0;
        var records = db.Records.AsNoTracking().Where(r => caseId == null || r.CaseId == caseId).OrderBy(r => r.Id);
        await foreach (var row in records.AsAsyncEnumerable().WithCancellation(ct))
        {
            writer.Write(RecordRowMapper.ToRecord(row));
            count++;
        }
        var calls = db.CallRecords.AsNoTracking().Where(c => caseId == null || c.CaseId == caseId).OrderBy(c => c.Id)
            .Join(db.Imports.AsNoTracking(), c => c.ImportId, i => i.Id, (c, i) => new { Call = c, Import = i });
        await foreach (var item in calls.AsAsyncEnumerable().WithCancellation(ct))
        {
            var c = item.Call;
            var props = new Dictionary<string, List<string>>
            {
                ["caller"] = ["phone:" + c.Caller],
                ["receiver"] = ["phone:" + c.Callee],
                ["callerNumber"] = [c.Caller],
                ["receiverNumber"] = [c.Callee],
                ["date"] = [c.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)],
                ["duration"] = [c.DurationSeconds.ToString(CultureInfo.InvariantCulture)],
            };
            if (c.CellId is { } cell)
            {
                props["cellId"] = [cell];
            }
            if (c.Latitude is { } lat && c.Longitude is { } lon)
            {
                props["latitude"] = [lat.ToString("R", CultureInfo.InvariantCulture)];
                props["longitude"] = [lon.ToString("R", CultureInfo.InvariantCulture)];
            }
            writer.Write(new EntityRecord($"call-{c.ImportId}-{c.Id}", "Call", props, new RecordEnvelope
            {
                CaseId = c.CaseId,
                OriginAgency = "(call-detail records)",
                OriginNode = "(import)",
                LegalBasis = "communications data (see import)",
                Tlp = Tlp.Amber,
                Provenance = new Provenance("file:" + item.Import.FileName, item.Import.ImportedAt, item.Import.ImportedBy, "import " + c.ImportId),
            }));
            count++;
        }
        return count;
    }
}
