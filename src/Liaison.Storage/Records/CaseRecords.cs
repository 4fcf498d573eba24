using System.Globalization;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Storage.Records;

/// <summary>
/// A case's records as domain entities, call-detail rows included as FtM Call events between Phone
/// entities (the case's own Phone record when it has one for the number, else "phone:+E164").
/// Used by the FtM export and by analysis; records past their review date on <c>today</c> are left out.
/// </summary>
public static class CaseRecords
{
    public static async IAsyncEnumerable<EntityRecord> ReadAsync(LiaisonDb db, string? caseId, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = db.Records.AsNoTracking().InForce(today).Where(r => caseId == null || r.CaseId == caseId).OrderBy(r => r.Id);
        await foreach (var row in records.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return RecordRowMapper.ToRecord(row);
        }
        await foreach (var call in CallsAsync(db, caseId, today, ct))
        {
            yield return call;
        }
    }

    public static async IAsyncEnumerable<EntityRecord> CallsAsync(LiaisonDb db, string? caseId, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var phoneIds = await db.Identifiers.AsNoTracking().InForce(db, today)
            .Where(i => (caseId == null || i.CaseId == caseId) && i.Kind == (int)IdentifierKind.Phone && i.Property == "number")
            .Select(i => new { i.Value, i.RecordId }).ToListAsync(ct);
        var byNumber = phoneIds.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Min(p => p.RecordId)!, StringComparer.Ordinal);
        var imports = await db.Imports.AsNoTracking().Where(i => caseId == null || i.CaseId == caseId).ToDictionaryAsync(i => i.Id, ct);
        var calls = db.CallRecords.AsNoTracking().InForce(today).Where(c => caseId == null || c.CaseId == caseId).OrderBy(c => c.Id);
        await foreach (var c in calls.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRecord(c, imports.GetValueOrDefault(c.ImportId), n => byNumber.GetValueOrDefault(n) ?? "phone:" + n);
        }
    }

    private static EntityRecord ToRecord(CallRecordRow c, ImportRow? import, Func<string, string> phoneEntity)
    {
        var props = new Dictionary<string, List<string>>
        {
            ["caller"] = [phoneEntity(c.Caller)],
            ["receiver"] = [phoneEntity(c.Callee)],
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
        return new EntityRecord($"call-{c.ImportId}-{c.Id}", "Call", props, new RecordEnvelope
        {
            CaseId = c.CaseId,
            OriginAgency = "(call-detail records)",
            OriginNode = "(import)",
            LegalBasis = "communications data (see import)",
            Tlp = Tlp.Amber,
            Provenance = new Provenance("file:" + (import?.FileName ?? "?"), import?.ImportedAt ?? DateTimeOffset.UnixEpoch, import?.ImportedBy ?? "?", "import " + c.ImportId),
        });
    }
}
