using System.Text;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Notes;
using Liaison.Node.Federation;

namespace Liaison.Node.Witnessing;

/// <summary>
/// A node's statement of its ledger key and witness key, signed (JWS, not encrypted: public keys) with
/// its exchange signing key and addressed to one peer. It travels in the <see cref="Header"/> header of
/// every add-checkpoint request and response, so each side learns the other's note keys from a key it
/// already trusts — the descriptor imported out of band — and never from the request body itself.
/// </summary>
internal sealed record LedgerKeyStatement(NoteVerifierKey LedgerKey, NoteVerifierKey WitnessKey)
{
    public const string MessageType = "ledger.keys";
    public const string Header = "Liaison-Ledger-Keys";

    private sealed record Wire(string LedgerKey, string WitnessKey);

    public string SignFor(NodeFederation federation, Peer peer)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Wire(LedgerKey.ToString(), WitnessKey.ToString()));
        return federation.Sealer.Sign(new OutgoingMessage(peer.NodeId, MessageType, payload, Tlp: Tlp.Clear), peer).Jws;
    }

    /// <summary>
    /// Verifies a peer's statement and returns its sender with the keys; throws
    /// <see cref="WitnessingRefusedException"/> naming what failed. The keys must carry the names a
    /// node of that id uses, so one peer cannot vouch for another's log.
    /// </summary>
    public static async Task<(string Sender, LedgerKeyStatement Keys)> VerifyAsync(NodeFederation federation, string? jws, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(jws))
        {
            throw new WitnessingRefusedException(403, $"no {Header} header: witnessing is between known peers");
        }
        OpenedMessage opened;
        try
        {
            opened = await federation.Opener.VerifySignedAsync(jws, ct);
        }
        catch (EnvelopeRejectedException e)
        {
            throw new WitnessingRefusedException(403, $"the {Header} statement was refused ({e.Reason}): {e.Message}");
        }
        var sender = opened.Header.Sender;
        if (opened.Header.Type != MessageType)
        {
            throw new WitnessingRefusedException(403, $"the {Header} statement of {sender} is a '{opened.Header.Type}' message");
        }
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(Encoding.UTF8.GetString(opened.Payload))
                       ?? throw new NoteFormatException("empty statement");
            var keys = new LedgerKeyStatement(NoteVerifierKey.Parse(wire.LedgerKey), NoteVerifierKey.Parse(wire.WitnessKey));
            if (keys.LedgerKey.Name != Storage.Ledger.NodeLedger.OriginOf(sender) || keys.LedgerKey.Type != NoteKeyType.Ed25519)
            {
                throw new NoteFormatException($"the ledger key of {sender} must be an Ed25519 key named {Storage.Ledger.NodeLedger.OriginOf(sender)}");
            }
            if (keys.WitnessKey.Name != Storage.Witnessing.NodeWitnessKey.NameOf(sender) || keys.WitnessKey.Type != NoteKeyType.CosignatureV1)
            {
                throw new NoteFormatException($"the witness key of {sender} must be a cosignature/v1 key named {Storage.Witnessing.NodeWitnessKey.NameOf(sender)}");
            }
            return (sender, keys);
        }
        catch (Exception e) when (e is JsonException or NoteFormatException or ArgumentException)
        {
            throw new WitnessingRefusedException(400, $"the {Header} statement of {sender} is malformed: {e.Message}");
        }
    }
}
