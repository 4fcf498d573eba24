using Liaison.Interchange.FtM;
using Liaison.Storage.Records;

namespace Liaison.Storage.Export;

/// <summary>
/// Writes a node's records (optionally one case) as FollowTheMoney JSON lines: entities as stored,
/// and call-detail rows as FtM Call entities. Streams, so a million-row case does not sit in memory.
/// </summary>
public static class FtmExport
{
    public static async Task<long> WriteAsync(LiaisonDb db, Stream output, string? caseId, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var writer = new FtmWriter(output);
        long count = 0;
        await foreach (var record in CaseRecords.ReadAsync(db, caseId, today, ct))
        {
            writer.Write(record);
            count++;
        }
        return count;
    }
}
