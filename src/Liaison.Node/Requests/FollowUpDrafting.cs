using Liaison.Core.Requests;
using Liaison.Core.Requests.Workflow;
using Liaison.Node.Policy;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>
/// Drafts the follow-up after a hit (the second step of Prüm): confirms that every identifier named was
/// matched in that case's session with that peer, then opens a draft addressed to the peer. Shared by
/// <c>POST /api/requests/follow-up</c> and the web page reached from a hit, which have both decided
/// the draft-request action through the gate first.
/// </summary>
public sealed class FollowUpDrafting(RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, HitLookup hits)
{
    public async Task<DataAccessRequest> DraftAsync(FollowUpBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.PeerJurisdiction))
        {
            throw new ArgumentException("field 'peerJurisdiction': the country code of the peer's jurisdiction is required");
        }
        var matched = await hits.ConfirmAsync(body.CaseId, body.Peer, body.Session, body.Hits, ct);
        var draft = Core.Requests.FollowUp.FollowUpDraft.From(RequestIds.New(node.NodeId), body.CaseId, body.Session,
            new RequestingAuthority(node.NodeId, node.Jurisdiction, node.NodeId),
            new Addressee(AddresseeKind.Agency, body.Peer, body.PeerJurisdiction.Trim().ToUpperInvariant()),
            matched, body.OffenceCode, body.MaximumPenaltyYears, body.NecessityStatement);
        var actor = RequestActors.For(await gate.CallerAsync(ct), node.NodeId, rules.Settings, RequestRole.Investigator);
        return await service.DraftAsync(draft, actor, body.Purpose, ct);
    }
}
