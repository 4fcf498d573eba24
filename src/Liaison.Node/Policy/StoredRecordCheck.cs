using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Exchange.Peers;
using Liaison.Node.Accounts;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Policy;

/// <summary>
/// How the policy in force decides for a stored record: a read by one of the node's users, or a share
/// of it to an on-boarded peer with the obligations it would carry. The same <c>Decide</c> the node
/// runs on the request itself, with the user's real roles and cases and the record's real envelope.
/// Used by <c>liaison policy check</c> and <c>GET /api/policy/check</c>.
/// </summary>
public sealed class StoredRecordCheck(LiaisonDb db, NodeConfig node, PolicyStore store, IPeerDirectory peers, TimeProvider clock)
{
    public async Task<StoredRecordCheckResult> CheckAsync(string userName, string recordId, string? toPeer, string? purpose, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new StoredRecordCheckException("as", $"no user '{userName}' at this node");
        // A record past its review date is as missing here as on every read path.
        var row = await db.Records.AsNoTracking().InForce(RetentionDay.Today(clock)).FirstOrDefaultAsync(r => r.Id == recordId, ct)
            ?? throw new StoredRecordCheckException("record", $"no record '{recordId}' at this node");
        Recipient? recipient = null;
        if (!string.IsNullOrWhiteSpace(toPeer))
        {
            var peer = await peers.FindAsync(toPeer, ct) ?? throw new StoredRecordCheckException("to", $"no on-boarded peer '{toPeer}'");
            recipient = new Recipient(peer.NodeId, peer.Descriptor.Agency, peer.Descriptor.Jurisdiction);
        }
        var cases = await db.CaseMembers.AsNoTracking().Where(m => m.UserName == userName).Select(m => m.CaseId).ToListAsync(ct);
        var caller = new Caller(user.UserName, Roles.Parse(user.Roles), cases, node.Agency, node.NodeId, node.Jurisdiction);
        var request = new AccessRequest
        {
            Caller = caller,
            Action = recipient is null ? PolicyAction.ReadRecord : PolicyAction.Share,
            CaseId = row.CaseId,
            Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose,
            Record = RecordRowMapper.ToRecord(row),
            Recipient = recipient,
        };
        var decision = new PolicyEngine(store, new CaseRegister(db, node)).Decide(request);
        return new StoredRecordCheckResult(user.UserName, row.Id, row.CaseId, request.Action, recipient?.NodeId, request.Purpose, decision, store.Current.Label);
    }
}

/// <summary>The decision for one stored record, with what was asked and under which policy.</summary>
public sealed record StoredRecordCheckResult(string User, string RecordId, string CaseId, PolicyAction Action, string? Recipient, string? Purpose,
    PolicyDecision Decision, string Policy);

/// <summary>A policy check that names something the node does not have: the field (as, record, to) and why.</summary>
public sealed class StoredRecordCheckException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
