using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Stats;

/// <summary>What a node holds: records per schema, call-detail rows, cases, imports.</summary>
public sealed record NodeStatistics(IReadOnlyDictionary<string, long> RecordsBySchema, long CallRecords, long Cases, long Imports, long Identifiers)
{
    public long Records => RecordsBySchema.Values.Sum();

    public static async Task<NodeStatistics> ReadAsync(LiaisonDb db, string? caseId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bySchema = await db.Records.AsNoTracking().Where(r => caseId == null || r.CaseId == caseId)
            .GroupBy(r => r.Schema).Select(g => new { Schema = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return new NodeStatistics(
            bySchema.OrderBy(s => s.Schema, StringComparer.Ordinal).ToDictionary(s => s.Schema, s => s.Count),
            await db.CallRecords.Where(c => caseId == null || c.CaseId == caseId).LongCountAsync(ct),
            await db.Cases.Where(c => caseId == null || c.Id == caseId).LongCountAsync(ct),
            await db.Imports.Where(i => caseId == null || i.CaseId == caseId).LongCountAsync(ct),
            await db.Identifiers.Where(i => caseId == null || i.CaseId == caseId).LongCountAsync(ct));
    }
}
