using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// One round trip from a participant to the linkage hub: the message sealed (signed, then encrypted to the
/// hub), posted to <c>/federation/linkage</c>, and the hub's sealed answer opened and checked — its sender,
/// its type, that it was not seen before. Used by <see cref="LinkageParticipant"/> and by the HTTP benchmark.
/// </summary>
public static class LinkageHubExchange
{
    public static async Task<TReply> ExchangeAsync<TReply>(NodeFederation federation, Peer hub, string type, string replyType, object payload, string caseId, CancellationToken ct)
        where TReply : class
    {
        var sent = federation.Sealer.Seal(new OutgoingMessage(hub.NodeId, type, JsonSerializer.SerializeToUtf8Bytes(payload, FederationMessages.Json), caseId,
            HandlingCodes.H0, Tlp.Amber, FederationMessages.QueryLifetime), hub);
        var answer = await PeerClient.PostAsync(federation, hub, LinkageMessages.Path, sent.Compact, ct);
        HitNoHitException Invalid(string why) => new(HitNoHitFailure.InvalidAnswer, hub.NodeId, $"the answer of hub {hub.NodeId} is not valid: {why}");
        try
        {
            var opened = await federation.Opener.OpenAsync(answer, ct);
            var h = opened.Header;
            if (!string.Equals(h.Sender, hub.NodeId, StringComparison.Ordinal) || !string.Equals(h.Type, replyType, StringComparison.Ordinal))
            {
                throw Invalid($"expected a {replyType} from {hub.NodeId}, got a {h.Type} from {h.Sender}");
            }
            if (!await federation.ReplayCache.TryRememberAsync(h, ct))
            {
                throw Invalid($"message {h.MessageId} was received before");
            }
            return JsonSerializer.Deserialize<TReply>(opened.Payload, FederationMessages.Json) ?? throw Invalid("empty payload");
        }
        catch (EnvelopeRejectedException e)
        {
            throw Invalid($"envelope refused ({e.Reason})");
        }
        catch (JsonException)
        {
            throw Invalid($"the payload is not a {replyType}");
        }
    }
}
