using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Entries;
using Liaison.Matching.Psi;
using Liaison.Storage.Retention;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation;

/// <summary>
/// The querying side of hit/no-hit, for the API and for <c>liaison match</c>: gathers the case's
/// normalised identifiers of the kinds asked, blinds them (<see cref="PsiQuerier"/>), sends a signed
/// and encrypted <c>psi.query</c> to the peer's <c>/federation/psi</c>, opens the sealed answer, and
/// maps the identifiers that hit back to this node's own record ids. Journals one <c>hit-run</c>
/// entry (counts, peer, session) and one <c>hit</c> entry per identifier that hit (its record ids and
/// kind, never its value); a refused or failed run is journalled as a <c>hit-run</c> too, since the
/// blinded query has left the node. The caller must have had the run permitted by the policy first.
/// </summary>
public sealed class HitNoHitService(NodeFederation federation, LiaisonDb db, FederationJournal journal, TimeProvider clock)
{
    public async Task<HitNoHitResult> RunAsync(HitNoHitRun run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!federation.IsAvailable)
        {
            throw new FederationUnavailableException(federation.UnavailableReason!);
        }
        var peer = await federation.PeerAsync(run.Peer, ct);
        var mine = await CaseIdentifiersAsync(run, ct);
        var querier = new PsiQuerier(peer.NodeId, mine.Keys.Select(k => new Identifier(k.Kind, k.Value, "")), run.Mode, clock);
        var query = querier.CreateQuery();
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new PsiMatchRequest(run.Purpose, run.Kinds.Select(MatchKinds.NameOf).ToArray(), query, run.Offence), FederationMessages.Json);
        var sent = federation.Sealer.Seal(new OutgoingMessage(peer.NodeId, FederationMessages.PsiQueryType, payload, run.CaseId,
            HandlingCodes.H0, Tlp.Amber, FederationMessages.QueryLifetime), peer);
        var detail = new Dictionary<string, string>
        {
            ["role"] = "querier",
            ["peer"] = peer.NodeId,
            ["message"] = sent.Header.MessageId,
            ["session"] = querier.SessionId.ToString(),
            ["mode"] = run.Mode.ToString(),
            ["kinds"] = string.Join(',', run.Kinds.Select(MatchKinds.NameOf)),
            ["asked"] = FederationEvent.Number(querier.Count),
        };

        PsiQuerierResult result;
        EnvelopeHeader answerHeader;
        try
        {
            var answer = await PeerClient.PostQueryAsync(federation, peer, sent.Compact, ct);
            (result, answerHeader) = await CompleteAsync(querier, peer, sent.Header.MessageId, answer, ct);
        }
        catch (HitNoHitException e)
        {
            detail["failure"] = e.Failure.ToString();
            if (e.PeerStatus is { } status)
            {
                detail["peerStatus"] = FederationEvent.Number(status);
            }
            await journal.RecordAsync(new FederationEvent(LedgerEventType.HitRun, run.Actor, "hit-run",
                e.Failure == HitNoHitFailure.PeerRefused ? "refused-by-peer" : "failed", run.CaseId, run.Purpose, e.PeerRule ?? run.PermittedBy, detail), ct);
            throw;
        }

        var hits = result.Matches is null
            ? []
            : result.Matches.Select(m => new Hit(MatchKinds.NameOf(m.Kind), m.Value, mine[(m.Kind, m.Value)])).ToList();
        detail["holderSetSize"] = FederationEvent.Number(result.HolderSetSize);
        detail["matchCount"] = FederationEvent.Number(result.MatchCount);
        detail["handling"] = new Handling(answerHeader.Handling).ToString();
        var events = new List<FederationEvent>
        {
            new(LedgerEventType.HitRun, run.Actor, "hit-run", result.MatchCount > 0 ? "hit" : "no-hit", run.CaseId, run.Purpose, run.PermittedBy, detail),
        };
        events.AddRange(hits.Select(h => new FederationEvent(LedgerEventType.Hit, run.Actor, "hit", "hit", run.CaseId, run.Purpose, run.PermittedBy,
            new Dictionary<string, string> { ["peer"] = peer.NodeId, ["session"] = querier.SessionId.ToString(), ["kind"] = h.Kind }, h.RecordIds)));
        db.HitNotices().Add(HitNotices.Querier(run, peer.NodeId, result, detail["handling"], answerHeader.Tlp.ToLabel()));
        await journal.RecordAllAsync(events, ct);
        return new HitNoHitResult(peer.NodeId, run.Mode == PsiMode.Intersection ? "intersection" : "cardinality", result.IdentifiersAsked,
            result.MatchCount, result.HolderSetSize, hits, querier.SessionId, new Handling(answerHeader.Handling).ToString(), answerHeader.Tlp.ToLabel());
    }

    /// <summary>The case's identifiers of the kinds asked, each with the ids of the records that carry it.</summary>
    private async Task<Dictionary<(IdentifierKind Kind, string Value), IReadOnlyList<string>>> CaseIdentifiersAsync(HitNoHitRun run, CancellationToken ct)
    {
        var kindCodes = run.Kinds.Select(k => (int)k).ToList();
        var rows = await db.Identifiers.AsNoTracking().InForce(db, Liaison.Core.Policy.Retention.RetentionDay.Today(clock))
            .Where(i => i.CaseId == run.CaseId && kindCodes.Contains(i.Kind))
            .Select(i => new { i.Kind, i.Value, i.RecordId })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw new HitNoHitException(HitNoHitFailure.NothingToMatch, run.Peer,
                $"case '{run.CaseId}' has no {string.Join(" or ", run.Kinds.Select(MatchKinds.NameOf))} identifiers to match");
        }
        return rows.GroupBy(r => ((IdentifierKind)r.Kind, r.Value))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.RecordId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Opens the answer: from the peer asked, of the right type, answering our message, completing our session.</summary>
    private async Task<(PsiQuerierResult, EnvelopeHeader)> CompleteAsync(PsiQuerier querier, Peer peer, string queryId, string answer, CancellationToken ct)
    {
        HitNoHitException Invalid(string why) => new(HitNoHitFailure.InvalidAnswer, peer.NodeId, $"the answer of {peer.NodeId} is not valid: {why}");
        try
        {
            var opened = await federation.Opener.OpenAsync(answer, ct);
            var h = opened.Header;
            if (!string.Equals(h.Sender, peer.NodeId, StringComparison.Ordinal) || !string.Equals(h.Type, FederationMessages.PsiResponseType, StringComparison.Ordinal))
            {
                throw Invalid($"expected a {FederationMessages.PsiResponseType} from {peer.NodeId}, got a {h.Type} from {h.Sender}");
            }
            if (!await federation.ReplayCache.TryRememberAsync(h, ct))
            {
                throw Invalid($"message {h.MessageId} was received before");
            }
            var reply = JsonSerializer.Deserialize<PsiMatchReply>(opened.Payload, FederationMessages.Json);
            if (reply?.Response is null || !string.Equals(reply.InReplyTo, queryId, StringComparison.Ordinal))
            {
                throw Invalid("it does not answer the query sent");
            }
            return (querier.Complete(reply.Response), h);
        }
        catch (EnvelopeRejectedException e)
        {
            throw Invalid($"envelope refused ({e.Reason})");
        }
        catch (PsiProtocolException e)
        {
            throw Invalid(e.Reason);
        }
        catch (JsonException)
        {
            throw Invalid("the payload is not a PSI reply");
        }
    }
}
