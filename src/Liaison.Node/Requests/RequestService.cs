using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Workflow;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Storage;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// Carries out request actions at this node: runs the workflow step, then stores the new request with its
/// transitions and — when the other end must know — enqueues the message to it in the exchange outbox, in
/// one database transaction, so the message exists if and only if the step does; then journals the step
/// in the ledger. Every caller has already passed <see cref="Policy.RequestGate"/>; the workflow adds the
/// request's own rules (roles, organisation, separation of duties, validity).
/// </summary>
public sealed partial class RequestService(LiaisonDb db, RequestRulebook rules, RequestJournal journal, IServiceProvider services, EvidenceDesk evidence,
    RequestAftercare aftercare, TimeProvider clock)
{
    private readonly RequestStore _store = new(db);

    public RequestStore Store => _store;

    public RequestWorkflow Workflow => rules.Workflow;

    /// <summary>Opens a draft as <paramref name="investigator"/>.</summary>
    public async Task<DataAccessRequest> DraftAsync(DataAccessRequest draft, RequestActor investigator, string purpose, CancellationToken ct)
    {
        var step = rules.Workflow.Open(draft, investigator);
        await _store.AddAsync(step.Request, RequestDirection.Outgoing, clock.GetUtcNow(), ct: ct);
        var rows = await _store.TransitionsAsync(step.Request.Id, ct);
        await journal.TransitionAsync(step.Transition, step.Request.CaseId, purpose, await TrackedAsync(rows[^1].Id, ct), ct: ct);
        return step.Request;
    }

    /// <summary>
    /// Applies one local action. <paramref name="act"/> is the workflow step; the message to the other end,
    /// if any, is enqueued in the same transaction as the step (the delivery worker sends it, with retries
    /// and a signed receipt).
    /// </summary>
    public async Task<DataAccessRequest> ActAsync(string requestId, string? purpose, Func<DataAccessRequest, RequestStep> act, CancellationToken ct,
        Func<RequestRow, RequestStep, Task>? afterSave = null, RequestStepMessage? evidenceMessage = null)
    {
        // What arrived from the other end is journalled before this node's own next step, so the ledger
        // shows a request received before it is acknowledged (the aftercare otherwise runs a moment later).
        await services.GetRequiredService<RequestAftercare>().RunOnceAsync(ct);
        var (row, request) = await _store.LoadAsync(requestId, ct) ?? throw new RequestNotFoundException(requestId);
        var step = act(request);
        var message = MessageFor(row, step, evidenceMessage);
        // Resolved only when there is something to send: a node without an exchange identity can still draft.
        var outbox = message is null ? null : services.GetRequiredService<Outbox>();
        IReadOnlyList<RequestTransitionRow> added;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            added = await _store.SaveAsync(row, step.Request, clock.GetUtcNow(), ct);
            if (message is { } m)
            {
                // The request id, not the case id, goes in the envelope header: headers are readable in transit.
                await outbox!.EnqueueAsync(new OutgoingMessage(m.Peer, m.Type, m.Payload, step.Request.Id, HandlingCodes.H2, Tlp.Amber), ct);
            }
            await tx.CommitAsync(ct);
        }
        await journal.TransitionAsync(step.Transition, row.CaseId, purpose, added.Count > 0 ? added[^1] : null, ct: ct);
        if (afterSave is not null)
        {
            await afterSave(row, step);
        }
        return step.Request;
    }

    private static (string Peer, string Type, byte[] Payload)? MessageFor(RequestRow row, RequestStep step, RequestStepMessage? evidence)
    {
        var t = step.Transition;
        if (row.Direction == RequestDirection.Outgoing)
        {
            if (t.Action == RequestAction.Send)
            {
                return (step.Request.Addressee.Id, RequestMessages.SubmitType, JsonSerializer.SerializeToUtf8Bytes(new RequestSubmission(step.Request), RequestMessages.Json));
            }
            // After sending, the addressee must hear of the requester's answers and of a withdrawal.
            var wasSent = t.From is { } from && (from.IsOutstanding());
            return wasSent && t.Action is RequestAction.AnswerClarification or RequestAction.Withdraw
                ? (step.Request.Addressee.Id, RequestMessages.StepType, StepPayload(step, evidence))
                : null;
        }
        return t.Action is RequestAction.Acknowledge or RequestAction.AskClarification or RequestAction.Fulfil or RequestAction.FulfilPartly or RequestAction.Refuse
            ? (step.Request.Requester.NodeId, RequestMessages.StepType, StepPayload(step, evidence))
            : null;
    }

    private static byte[] StepPayload(RequestStep step, RequestStepMessage? evidence)
    {
        var t = step.Transition;
        var actor = new RequestActor(t.ActorId, "", t.ActorRole);
        var message = new RequestStepMessage(t.RequestId, t.Action, actor, t.Reason, t.RefusalReason);
        if (evidence is { } e && t.Action is RequestAction.Fulfil or RequestAction.FulfilPartly)
        {
            message = message with { Manifest = e.Manifest, Files = e.Files };
        }
        return JsonSerializer.SerializeToUtf8Bytes(message, RequestMessages.Json);
    }

    private async Task<RequestTransitionRow?> TrackedAsync(long id, CancellationToken ct) =>
        await db.Set<RequestTransitionRow>().FindAsync([id], ct);
}

/// <summary>No request with this id is stored here (or the caller may not know of it).</summary>
public sealed class RequestNotFoundException(string requestId) : Exception($"request '{requestId}' not found")
{
    public string RequestId { get; } = requestId;
}
