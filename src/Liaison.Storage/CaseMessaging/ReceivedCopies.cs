using Liaison.Exchange.Cases;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.CaseMessaging;

/// <summary>
/// How a record received from a peer sits among the node's own: a row of <c>records</c> whose id is
/// qualified by its origin (<c>{originNode}/{recordId}</c>, so it never collides with a local id),
/// flagged <see cref="RecordRow.IsReceivedCopy"/> (imports refuse to overwrite it), filed under the
/// incoming case <c>{originNode}:{originCase}</c> (opened on first receipt), with the originator's
/// agency, node, grading, TLP and handling code as they arrived, and its identifiers in the search index.
/// </summary>
public static class ReceivedCopies
{
    public static string LocalId(string originNode, string recordId) => $"{originNode}/{recordId}";

    public static string LocalCase(string originNode, string originCase) => $"{originNode}:{originCase}";

    internal static async Task FileAsync(LiaisonDb db, ReceivedCopy copy, ReceivedCopyIdentifiers? identifiers, CancellationToken ct)
    {
        var record = copy.Record;
        var localId = LocalId(copy.OriginNode, copy.RecordId);
        var localCase = LocalCase(copy.OriginNode, copy.Shared.CaseId);
        if (!await db.Cases.AnyAsync(c => c.Id == localCase, ct) && !db.ChangeTracker.Entries<CaseRow>().Any(e => e.Entity.Id == localCase))
        {
            db.Cases.Add(new CaseRow
            {
                Id = localCase, Title = $"Received from {copy.OriginNode}: case {copy.Shared.CaseId}", CreatedAt = copy.ReceivedAt.ToUniversalTime(),
                CreatedBy = "peer:" + copy.SharedBy,
            });
        }
        var filed = new Liaison.Core.Model.EntityRecord(localId, record.Schema, record.Properties.ToDictionary(p => p.Key, p => p.Value.ToList()),
            record.Envelope with { CaseId = localCase });
        var row = RecordRowMapper.ToRow(filed, importId: null, receivedCopy: true);
        var held = await db.Records.FirstOrDefaultAsync(r => r.Id == localId, ct);
        if (held is null)
        {
            db.Records.Add(row);
        }
        else if (!held.IsReceivedCopy)
        {
            throw new InvalidOperationException($"record {localId} is a local record: a received copy cannot replace it");
        }
        else
        {
            db.Entry(held).CurrentValues.SetValues(row);
        }
        // Indexed as own records are, under the incoming case, so the identifier search finds the copy for
        // exactly those who may see that case; an update replaces the copy's identifiers.
        await db.Identifiers.Where(i => i.RecordId == localId).ExecuteDeleteAsync(ct);
        foreach (var identifier in identifiers?.Of(filed) ?? [])
        {
            db.Identifiers.Add(new IdentifierRow
            {
                RecordId = localId, CaseId = localCase, Kind = (int)identifier.Kind, Value = identifier.Value, Property = identifier.Property,
            });
        }
    }
}
