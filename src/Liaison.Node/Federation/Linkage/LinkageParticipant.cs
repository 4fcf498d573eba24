using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Entries;
using Liaison.Matching.Clk;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// A participant's side of a linkage run: encodes the case's persons as CLKs with the secret the
/// participating agencies share (read from <see cref="LinkageParticipantOptions.SecretFile"/>; it never
/// leaves the node), sends them under opaque references to the hub, and later fetches its share of the
/// result and maps the references back to its own record ids. Journals each step; the caller must have
/// had the run permitted by the policy (action run-match on the case) first.
/// </summary>
public sealed class LinkageParticipant(NodeFederation federation, LiaisonDb db, NodeConfig node, IOptions<LinkageParticipantOptions> options, FederationJournal journal, TimeProvider clock)
{
    public async Task<LinkageReceipt> UploadAsync(string actor, string caseId, string purpose, string hub, string run, IReadOnlyList<string> participants,
        string permittedBy, CancellationToken ct)
    {
        var peer = await HubAsync(hub, ct);
        var persons = await CasePersons.LoadAsync(db, caseId, Liaison.Core.Policy.Retention.RetentionDay.Today(clock), ct);
        if (persons.Count == 0)
        {
            throw new HitNoHitException(HitNoHitFailure.NothingToMatch, hub, $"case '{caseId}' has no persons to link");
        }
        var refs = OpaqueRefs.Load(node.Directory);
        var schema = LinkageSchema.FebrlPerson;
        ClkRecord[] clks;
        using (var encoder = new ClkEncoder(schema, ReadSecret()))
        {
            clks = persons.Select(p => encoder.Encode(refs.For(run, p.RecordId), p.Column)).ToArray();
        }
        var all = participants.Append(node.NodeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // In parts, each its own envelope within the limit, so a case of any size fits (docs/protocol.md, "Chunked uploads").
        var parts = UploadParts.Split(run, all, schema.Fingerprint, schema.FilterBits, clks, federation.Options.MaxEnvelopeBytes);
        LinkagePartReceipt? last = null;
        foreach (var part in parts)
        {
            last = await LinkageHubExchange.ExchangeAsync<LinkagePartReceipt>(federation, peer, LinkageMessages.UploadPartType, LinkageMessages.PartReceiptType, part, caseId, ct);
        }
        var receipt = new LinkageReceipt(run, last!.ReceivedClks, last.WaitingFor);
        await journal.RecordAsync(new FederationEvent(LedgerEventType.HitRun, actor, "linkage.upload", "sent", caseId, purpose, permittedBy, new Dictionary<string, string>
        {
            ["hub"] = hub, ["run"] = run, ["participants"] = string.Join(',', all), ["clks"] = FederationEvent.Number(clks.Length),
            ["parts"] = FederationEvent.Number(parts.Count), ["waitingFor"] = string.Join(',', receipt.WaitingFor),
        }), ct);
        return receipt;
    }

    public async Task<LinkageCaseResult> ResultAsync(string actor, string caseId, string purpose, string hub, string run, string permittedBy, CancellationToken ct)
    {
        var peer = await HubAsync(hub, ct);
        var reply = await LinkageHubExchange.ExchangeAsync<LinkageResultReply>(federation, peer, LinkageMessages.ResultRequestType, LinkageMessages.ResultType,
            new LinkageResultRequest(run), caseId, ct);
        var refs = OpaqueRefs.Load(node.Directory);
        var persons = await CasePersons.LoadAsync(db, caseId, Liaison.Core.Policy.Retention.RetentionDay.Today(clock), ct);
        var byRef = persons.ToDictionary(p => refs.For(run, p.RecordId), p => p.RecordId, StringComparer.Ordinal);
        // A reference this case does not produce (records deleted since, or a hub that lies) is dropped, not guessed.
        var links = reply.Matches.Where(m => byRef.ContainsKey(m.Mine))
            .Select(m => new LinkedPerson(byRef[m.Mine], m.Mine, m.Peer, m.PeerRef, m.Score))
            .OrderByDescending(l => l.Score).ThenBy(l => l.RecordId, StringComparer.Ordinal).ToList();
        var events = new List<FederationEvent>
        {
            new(LedgerEventType.HitRun, actor, "linkage.result", reply.Complete ? (links.Count > 0 ? "hit" : "no-hit") : "waiting", caseId, purpose, permittedBy,
                new Dictionary<string, string> { ["hub"] = hub, ["run"] = run, ["links"] = FederationEvent.Number(links.Count), ["waitingFor"] = string.Join(',', reply.WaitingFor) }),
        };
        events.AddRange(links.Select(l => new FederationEvent(LedgerEventType.Hit, actor, "hit", "hit", caseId, purpose, permittedBy,
            new Dictionary<string, string> { ["hub"] = hub, ["run"] = run, ["peer"] = l.Peer, ["kind"] = "person" }, [l.RecordId])));
        await journal.RecordAllAsync(events, ct);
        return new LinkageCaseResult(run, hub, reply.Complete, reply.WaitingFor, reply.Threshold, links);
    }

    private async Task<Peer> HubAsync(string hub, CancellationToken ct)
    {
        if (!federation.IsAvailable)
        {
            throw new FederationUnavailableException(federation.UnavailableReason!);
        }
        return await federation.PeerAsync(hub, ct);
    }

    private byte[] ReadSecret()
    {
        var path = Path.Combine(node.Directory, options.Value.SecretFile);
        if (!File.Exists(path))
        {
            throw new FederationUnavailableException($"no CLK secret at {path}: put the secret the participating agencies share (16+ bytes) there, or set Federation__Linkage__SecretFile");
        }
        var secret = File.ReadAllBytes(path);
        var length = secret.Length;
        if (length > 0 && secret[length - 1] == '\n')
        {
            length--;
            if (length > 0 && secret[length - 1] == '\r')
            {
                length--;
            }
        }
        return secret[..length];
    }
}

/// <summary>This node's share of a linkage run: its own records that link, each with the peer and the peer's opaque reference.</summary>
public sealed record LinkageCaseResult(string Run, string Hub, bool Complete, IReadOnlyList<string> WaitingFor, double Threshold, IReadOnlyList<LinkedPerson> Links);

/// <summary>One of this node's person records linked to a record of <see cref="Peer"/> (known to this node only by <see cref="PeerRef"/>); <see cref="MyRef"/> is the reference the peer sees for the record here.</summary>
public sealed record LinkedPerson(string RecordId, string MyRef, string Peer, string PeerRef, double Score);
