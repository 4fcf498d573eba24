using Liaison.Core.Policy;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Admin;

/// <summary>
/// The node's peers for its operator (manage-peers): who each is, where it is reached, until when its
/// descriptor is valid and the fingerprints of its current keys — what an operator compares with the
/// peer's operator by telephone before trusting it. Peers are added with <c>liaison peer add</c>, out of
/// band, never from this page.
/// </summary>
internal sealed class PeersModel(RequestGate gate, NodeConfig node, TimeProvider clock) : PageModel
{
    public sealed record PeerView(string NodeId, string Agency, string Jurisdiction, Uri Endpoint, string Status, DateTimeOffset NotAfter,
        string SigningKey, string EncryptionKey, int Revoked, DateTimeOffset UpdatedAt);

    public IReadOnlyList<PeerView> Peers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ManagePeers, subject: "peers list", ct: ct);
        if (!decision.IsPermitted)
        {
            return this.DeniedPage(decision);
        }
        var now = clock.GetUtcNow();
        var peers = await new FilePeerDirectory(node.Directory).ListAsync(ct);
        Peers = peers.Where(p => p.NodeId != node.NodeId).OrderBy(p => p.NodeId, StringComparer.Ordinal).Select(p =>
        {
            var d = p.Descriptor;
            var status = now < d.NotBefore ? "not yet valid" : now > d.NotAfter ? "expired" : "valid";
            return new PeerView(d.NodeId, d.Agency, d.Jurisdiction, d.Endpoint, status, d.NotAfter,
                KeyFingerprint.Of(d.CurrentSigningKey), KeyFingerprint.Of(d.CurrentEncryptionKey), d.Revoked.Count, p.UpdatedAt);
        }).ToList();
        return Page();
    }
}
