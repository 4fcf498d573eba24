using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Messages;

/// <summary>
/// Whom a record went to and where it came from, for the entity view: the peers this node shared it
/// with in case messages (when first, in which thread, whether since withdrawn), and for a received
/// copy its originator, who shared it and when. Read from case messaging's share and copy tables, the
/// same ones that decide who gets updates and withdrawals, so the list cannot drift from what was sent.
/// </summary>
internal sealed record RecordSharing(RecordSharing.Origin? ReceivedFrom, IReadOnlyList<RecordSharing.Share> SharedWith, bool Withdrawn)
{
    /// <summary>A received copy's provenance: the originating node and its record id and case, who sent it, when, at which version.</summary>
    public sealed record Origin(string OriginNode, string RecordId, string OriginCase, string SharedBy, DateTimeOffset ReceivedAt, int Version, string ThreadId);

    /// <summary>One peer this node sent the record to: first in which message, when.</summary>
    public sealed record Share(string Recipient, string ThreadId, DateTimeOffset? FirstSentAt, int Messages);

    public bool IsEmpty => ReceivedFrom is null && SharedWith.Count == 0;

    public static async Task<RecordSharing> OfAsync(LiaisonDb db, string nodeId, RecordRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        Origin? origin = null;
        var (originNode, recordId) = (nodeId, row.Id);
        if (row.IsReceivedCopy && await db.Set<ReceivedCopyRow>().AsNoTracking().FirstOrDefaultAsync(c => c.LocalId == row.Id, ct) is { } copy)
        {
            var originCase = row.CaseId.StartsWith(copy.OriginNode + ":", StringComparison.Ordinal) ? row.CaseId[(copy.OriginNode.Length + 1)..] : row.CaseId;
            origin = new Origin(copy.OriginNode, copy.RecordId, originCase, copy.SharedBy, copy.ReceivedAt, copy.Version, copy.ThreadId);
            (originNode, recordId) = (copy.OriginNode, copy.RecordId);
        }
        var shares = await db.Set<CaseShareRow>().AsNoTracking().Where(s => s.OriginNode == originNode && s.RecordId == recordId).ToListAsync(ct);
        var store = new DbCaseStore(db);
        var list = new List<Share>();
        foreach (var share in shares.OrderBy(s => s.Recipient, StringComparer.Ordinal))
        {
            var thread = await store.FindThreadAsync(share.ThreadId, ct);
            var carrying = thread?.Messages.Where(m => m.Author == nodeId && m.Records.Any(r => r.Id == recordId && r.OriginNode == originNode)).ToList() ?? [];
            list.Add(new Share(share.Recipient, share.ThreadId, carrying.Count == 0 ? null : carrying.Min(m => m.SentAt), carrying.Count));
        }
        var withdrawn = await db.Set<CaseWithdrawalRow>().AsNoTracking().AnyAsync(w => w.OriginNode == originNode && w.RecordId == recordId, ct);
        return new RecordSharing(origin, list, withdrawn);
    }
}
