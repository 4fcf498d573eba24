using System.Net.Http.Headers;
using System.Text;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Federation;

namespace Liaison.Node.Requests;

/// <summary>
/// Seals each message for the peer (ES256 signature by this node, then ECDH-ES+A256KW/A256GCM to the
/// peer's key, as hit/no-hit does) and posts it to the peer's <c>/federation/requests</c>. Requests carry
/// case material, so they travel TLP:AMBER, H2 (not to be passed on without the sender's consent).
/// </summary>
internal sealed class EnvelopeRequestCourier(NodeFederation federation) : IRequestCourier
{
    public async Task DeliverAsync(string peerNodeId, string type, ReadOnlyMemory<byte> payload, string caseReference, CancellationToken ct)
    {
        if (!federation.IsAvailable)
        {
            throw new RequestDeliveryException(peerNodeId, "this node has no exchange identity: " + federation.UnavailableReason);
        }
        var peer = await federation.Peers.FindAsync(peerNodeId, ct) ?? throw new RequestDeliveryException(peerNodeId, "is not a peer of this node (liaison peer list)");
        var sealedEnvelope = federation.Sealer.Seal(new OutgoingMessage(peer.NodeId, type, payload, caseReference, HandlingCodes.H2, Tlp.Amber), peer);
        var root = peer.Descriptor.Endpoint.AbsoluteUri.EndsWith('/') ? peer.Descriptor.Endpoint : new Uri(peer.Descriptor.Endpoint.AbsoluteUri + "/");
        var uri = new Uri(root, RequestMessages.Path);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(sealedEnvelope.Compact));
        content.Headers.ContentType = new MediaTypeHeaderValue(FederationMessages.JoseMediaType);
        HttpResponseMessage response;
        try
        {
            response = await federation.Http.PostAsync(uri, content, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new RequestDeliveryException(peerNodeId, $"could not be reached at {uri}: {e.Message}");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new RequestDeliveryException(peerNodeId, $"refused the message ({(int)response.StatusCode}): {Clip(body)}", (int)response.StatusCode);
            }
        }
    }

    private static string Clip(string s) => s.Length > 400 ? s[..400] : s;
}
