using System.Globalization;
using System.Net;
using System.Text;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Witnessing;
using Liaison.Node.Federation;
using Liaison.Storage.Ledger;

namespace Liaison.Node.Witnessing;

/// <summary>
/// One witnessing round of the log side: the node's latest checkpoint, with a consistency proof from
/// what each peer last cosigned, is submitted to every peer's <see cref="WitnessEndpoint"/>; returned
/// cosignatures are verified against the peer's witness key (from its signed statement) and stored in
/// <c>ledger_cosignatures</c>. A peer that answers 409 with the size it holds gets one retry with a
/// proof from that size — the tlog-witness handshake after a restart.
/// </summary>
public sealed class CosignatureRound(NodeLedger ledger, NodeFederation federation, PeerWitness witness, ILogger<CosignatureRound> log)
{
    private readonly Dictionary<string, long> _witnessSize = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>What one peer answered in a round.</summary>
    public sealed record Outcome(string Peer, int Status, string Detail);

    public async Task<IReadOnlyList<Outcome>> RunOnceAsync(CancellationToken ct)
    {
        if (!federation.IsAvailable)
        {
            return [];
        }
        var latest = await ledger.Store.GetLatestCheckpointAsync(ct);
        if (latest is null)
        {
            return [];
        }
        var checkpoint = SignedCheckpoint.Open(latest.SignedNote, ledger.VerifierKey);
        // Another replica may have signed it over entries this one has not read yet: the proofs need them.
        await ledger.Sequencer.CatchUpAsync(ct);
        await _running.WaitAsync(ct);
        try
        {
            var outcomes = new List<Outcome>();
            foreach (var peer in await federation.Peers.ListAsync(ct))
            {
                outcomes.Add(await SubmitAsync(peer, checkpoint, ct));
            }
            return outcomes;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<Outcome> SubmitAsync(Peer peer, SignedCheckpoint checkpoint, CancellationToken ct)
    {
        var size = checkpoint.Checkpoint.Size;
        if (_witnessSize.TryGetValue(peer.NodeId, out var held) && held == size)
        {
            return new Outcome(peer.NodeId, 200, "already cosigned");
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (held > size)
            {
                log.LogError("peer {Peer} has cosigned {Held} entries of this node's ledger but the ledger now holds {Size}: history was lost", peer.NodeId, held, size);
                return new Outcome(peer.NodeId, 409, $"the peer cosigned size {held}, beyond this log's {size}");
            }
            var request = CosignatureCollector.BuildRequest(ledger.Sequencer, checkpoint, held);
            var (status, body, statement) = await PostAsync(peer, request, ct);
            if (status == HttpStatusCode.OK && statement is not null)
            {
                try
                {
                    var keys = (await LedgerKeyStatement.VerifyAsync(federation, statement, ct)).Keys;
                    await CosignatureCollector.AcceptAsync(ledger.Store, checkpoint, body, keys.WitnessKey, ct);
                    _witnessSize[peer.NodeId] = size;
                    return new Outcome(peer.NodeId, 200, "cosigned by " + keys.WitnessKey.Name);
                }
                catch (Exception e) when (e is WitnessingRefusedException or NoteVerificationException or NoteFormatException)
                {
                    log.LogWarning("the cosignature of {Peer} was not accepted: {Reason}", peer.NodeId, e.Message);
                    return new Outcome(peer.NodeId, 502, e.Message);
                }
            }
            if (status == HttpStatusCode.Conflict && long.TryParse(body.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var theirs) && attempt == 0)
            {
                held = theirs;
                continue;
            }
            log.LogWarning("peer {Peer} did not cosign checkpoint {Size}: {Status} {Body}", peer.NodeId, size, (int)status, body.Trim());
            return new Outcome(peer.NodeId, (int)status, body.Trim());
        }
        return new Outcome(peer.NodeId, 409, "size handshake did not settle");
    }

    private async Task<(HttpStatusCode, string, string?)> PostAsync(Peer peer, AddCheckpointRequest request, CancellationToken ct)
    {
        var statement = new LedgerKeyStatement(ledger.VerifierKey, witness.VerifierKey).SignFor(federation, peer);
        var root = peer.Descriptor.Endpoint.AbsoluteUri.TrimEnd('/');
        using var message = new HttpRequestMessage(HttpMethod.Post, root + WitnessEndpoint.Path)
        {
            Content = new StringContent(request.Format(), Encoding.UTF8, "text/plain"),
        };
        message.Headers.Add(LedgerKeyStatement.Header, statement);
        try
        {
            using var response = await federation.Http.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var theirs = response.Headers.TryGetValues(LedgerKeyStatement.Header, out var values) ? values.FirstOrDefault() : null;
            return (response.StatusCode, body, theirs);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("peer {Peer} could not be reached for witnessing: {Reason}", peer.NodeId, e.Message);
            return (HttpStatusCode.ServiceUnavailable, e.Message, null);
        }
    }
}
