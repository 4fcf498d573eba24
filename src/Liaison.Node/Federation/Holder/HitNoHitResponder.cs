using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Entries;
using Liaison.Matching.Psi;
using Liaison.Node.Api;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Federation;

/// <summary>
/// The holder's side of hit/no-hit: opens a peer's <c>psi.query</c> envelope, asks the policy engine
/// whether this node may answer that peer (<see cref="AnswerScope"/>), charges the peer's PSI budget,
/// evaluates the blinded identifiers against this node's own, journals the decision and a
/// <c>hit-run</c> entry with counts only, and answers with a <c>psi.response</c> sealed to the
/// querier. Every refusal is journalled and answered as a problem that names the rejection or rule.
/// </summary>
public sealed class HitNoHitResponder(
    NodeFederation federation, LiaisonDb db, NodeConfig node, PolicyStore store, AuditJournal audit, FederationJournal journal, TimeProvider clock)
{
    private const string Action = "federation.psi";

    public async Task<IResult> AnswerAsync(string envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!federation.IsAvailable)
        {
            return FederationProblems.Unavailable(federation.UnavailableReason!);
        }
        OpenedMessage message;
        Peer peer;
        try
        {
            (message, peer) = await OpenAsync(envelope, ct);
        }
        catch (EnvelopeRejectedException e)
        {
            return await RefuseAsync(e, ct);
        }

        var header = message.Header;
        var actor = "peer:" + header.Sender;
        var incomingCase = AnswerScope.IncomingCase(peer.NodeId, header.CaseReference);
        if (ReadQuery(message) is not (var query, var kinds))
        {
            await RefuseAsync(actor, "bad-query", incomingCase, null, new() { ["message"] = header.MessageId }, ct);
            return FederationProblems.BadQuery($"message {header.MessageId} is not a {FederationMessages.PsiQueryType} with a purpose, known kinds and a query");
        }

        var engine = new PolicyEngine(store, new CaseRegister(db, node));
        var desk = AnswerScope.DeskFor(peer, node, incomingCase);
        var request = AnswerScope.Request(desk, peer, incomingCase, query, MatchKinds.CategoriesOf(kinds));
        var decision = engine.Decide(request);
        var asked = $"hit/no-hit query {header.MessageId}: {query.Query.Count} identifiers ({string.Join(',', kinds.Select(MatchKinds.NameOf))}), "
                    + $"mode {query.Query.Mode}";
        await audit.RecordAsync(actor, PolicyNames.Of(PolicyAction.Share), decision.IsPermitted ? "permit" : "deny", incomingCase, query.Purpose,
            decision.Rule, asked + " " + decision.ToJson(), ct);
        if (!decision.IsPermitted)
        {
            return Decisions.Denied(decision);
        }

        var excluded = AnswerScope.ExcludedSubjects(engine, request);
        var maxTlp = AnswerScope.MaxTlp(engine, decision);
        var identifiers = await HolderIdentifiers.LoadAsync(db, kinds, engine.VisibleCases(desk), maxTlp, excluded, Liaison.Core.Policy.Retention.RetentionDay.Today(clock), ct);
        PsiHolderReply reply;
        try
        {
            reply = new PsiHolder(PsiHolderSet.Prepare(identifiers), federation.Budget, clock).Respond(peer.NodeId, query.Query);
        }
        catch (PsiBudgetExceededException e)
        {
            await RefuseAsync(actor, "psi-budget", incomingCase, query.Purpose, new()
            {
                ["message"] = header.MessageId, ["session"] = query.Query.SessionId.ToString(), ["limit"] = e.Limit,
                ["requested"] = FederationEvent.Number(e.Requested), ["remaining"] = FederationEvent.Number(e.Remaining),
            }, ct);
            return FederationProblems.BudgetExceeded(e, clock);
        }
        catch (PsiProtocolException e)
        {
            await RefuseAsync(actor, "psi-protocol", incomingCase, query.Purpose, new() { ["message"] = header.MessageId, ["reason"] = e.Reason }, ct);
            return FederationProblems.BadQuery(e.Message);
        }

        var audited = reply.Audit;
        var (handling, tlp) = AnswerScope.Markings(decision);
        // Saved with the journal entry below (one SaveChanges): the charge survives a restart (BudgetRestore),
        // the notice feeds the run history. Counts only.
        db.PsiBudgetCharges().Add(new PsiBudgetChargeRow { PeerId = peer.NodeId, SessionId = audited.SessionId, Identifiers = audited.IdentifiersAsked, ChargedAt = audited.At });
        db.HitNotices().Add(HitNotices.Holder(incomingCase, peer.NodeId, query.Purpose, kinds, audited, new Handling(handling).ToString(), tlp.ToLabel()));
        await journal.RecordAsync(new FederationEvent(LedgerEventType.HitRun, actor, "hit-run", "answered", incomingCase, query.Purpose, decision.Rule,
            new Dictionary<string, string>
            {
                ["role"] = "holder",
                ["peer"] = peer.NodeId,
                ["message"] = header.MessageId,
                ["session"] = audited.SessionId.ToString(),
                ["mode"] = audited.Mode.ToString(),
                ["kinds"] = string.Join(',', kinds.Select(MatchKinds.NameOf)),
                ["asked"] = FederationEvent.Number(audited.IdentifiersAsked),
                ["holderSetSize"] = FederationEvent.Number(audited.HolderSetSize),
                ["excludedSubjects"] = excluded == SubjectCategories.None ? "none" : excluded.ToList(),
                ["maxTlp"] = maxTlp.ToLabel(),
            }), ct);

        var payload = JsonSerializer.SerializeToUtf8Bytes(new PsiMatchReply(header.MessageId, reply.Response), FederationMessages.Json);
        var answer = federation.Sealer.Seal(new OutgoingMessage(peer.NodeId, FederationMessages.PsiResponseType, payload, header.CaseReference,
            handling, tlp, FederationMessages.QueryLifetime), peer);
        return TypedResults.Text(answer.Compact, FederationMessages.JoseMediaType);
    }

    /// <summary>Journals a refused envelope under the sender it claims (unverified) and answers the problem that names the rejection.</summary>
    public async Task<IResult> RefuseAsync(EnvelopeRejectedException rejection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        await RefuseAsync("unverified:" + (rejection.Sender ?? "unknown"), FederationProblems.TypeOf(rejection.Reason), null, null,
            new() { ["rejection"] = rejection.Reason.ToString(), ["message"] = rejection.MessageId ?? "unreadable" }, ct);
        return FederationProblems.EnvelopeRefused(rejection);
    }

    /// <summary>Opens and authenticates; a replayed id, a message of another type or one claiming a long life is refused like a bad envelope.</summary>
    private async Task<(OpenedMessage, Peer)> OpenAsync(string envelope, CancellationToken ct)
    {
        var opened = await federation.Opener.OpenAllAsync(envelope, ct);
        if (opened.IsBatch)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, opened.Outer.MessageId, opened.Outer.Sender, "a batch where one query was expected");
        }
        var message = opened.Items[0].Message ?? throw opened.Items[0].Refusal!;
        var h = message.Header;
        if (!string.Equals(h.Type, FederationMessages.PsiQueryType, StringComparison.Ordinal))
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, h.MessageId, h.Sender, $"this endpoint answers {FederationMessages.PsiQueryType} messages only");
        }
        if (h.Expires - h.Created > FederationMessages.MaxQueryLifetime)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.InvalidLifetime, h.MessageId, h.Sender,
                $"a {FederationMessages.PsiQueryType} may live at most {FederationMessages.MaxQueryLifetime.TotalMinutes:0} minutes");
        }
        if (!await federation.ReplayCache.TryRememberAsync(h, ct))
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Replayed, h.MessageId, h.Sender, "this message id has been received before");
        }
        return (message, opened.Sender);
    }

    private static (PsiMatchRequest Query, IReadOnlyList<IdentifierKind> Kinds)? ReadQuery(OpenedMessage message)
    {
        try
        {
            var query = JsonSerializer.Deserialize<PsiMatchRequest>(message.Payload, FederationMessages.Json);
            if (query is null || query.Query is null || query.Query.BlindedElements is null || string.IsNullOrWhiteSpace(query.Purpose))
            {
                return null;
            }
            return (query, MatchKinds.Parse(query.Kinds));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private Task RefuseAsync(string actor, string rule, string? caseId, string? purpose, Dictionary<string, string> detail, CancellationToken ct) =>
        journal.RecordAsync(new FederationEvent(LedgerEventType.PolicyDecision, actor, Action, "deny", caseId, purpose, rule, detail), ct);
}
