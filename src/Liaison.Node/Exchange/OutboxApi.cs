using Liaison.Core.Policy;
using Liaison.Exchange.Delivery;
using Liaison.Node.Api;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Exchange;

namespace Liaison.Node.Exchange;

/// <summary>
/// The operator's outbox: <c>GET /api/exchange/outbox[?state=dead]</c> lists messages to peers
/// (ids, routing, attempts, last error — never payloads) and
/// <c>POST /api/exchange/outbox/{id}/retry</c> makes a dead letter pending again. Node operators
/// (<see cref="PolicyAction.ManagePeers"/>) only; both journalled.
/// </summary>
internal static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder group)
    {
        group.MapGet("/outbox", async (string? state, RequestGate gate, LiaisonDb db, CancellationToken ct) =>
        {
            if (!await gate.PermissionAsync(PolicyAction.ManagePeers, "admin.outbox.list", ct: ct))
            {
                return Decisions.Denied(PolicyDecision.Deny("permission-matrix", "only node operators see the outbox"));
            }
            OutboxState? filter = state switch
            {
                null or "" => null,
                "pending" => OutboxState.Pending,
                "delivered" => OutboxState.Delivered,
                "dead" => OutboxState.Dead,
                _ => throw new ArgumentException($"query parameter 'state': '{state}' is not pending, delivered or dead"),
            };
            var rows = await new DbOutboxStore(db).ListAsync(filter, ct);
            return Results.Ok(rows.Select(OutboxEntry.Of));
        }).WithSummary("Messages to peers with their delivery state (dead letters: ?state=dead)");

        group.MapPost("/outbox/{id}/retry", async (string id, RequestGate gate, LiaisonDb db, AuditJournal journal, TimeProvider clock, CancellationToken ct) =>
        {
            if (!await gate.PermissionAsync(PolicyAction.ManagePeers, "admin.outbox.retry", ct: ct))
            {
                return Decisions.Denied(PolicyDecision.Deny("permission-matrix", "only node operators retry dead letters"));
            }
            if (!await new DbOutboxStore(db).RetryDeadAsync(id, clock.GetUtcNow(), ct))
            {
                return TypedResults.Problem(type: Problems.Base + "not-a-dead-letter", title: "Not a dead letter",
                    detail: $"message {id} is not a dead letter in this outbox", statusCode: StatusCodes.Status409Conflict);
            }
            var caller = await gate.CallerAsync(ct);
            await journal.RecordAsync(caller.UserId, "admin.outbox.retried", "permit", null, null, "node-operator", "message " + id, ct);
            return Results.Ok(OutboxEntry.Of((await new DbOutboxStore(db).FindAsync(id, ct))!));
        }).WithSummary("Send a dead-lettered message again (attempts reset)");
        return group;
    }
}

/// <summary>An outbox row as the operator sees it: routing and delivery state, no payload or receipt.</summary>
public sealed record OutboxEntry(string Id, string Recipient, string Type, string? CaseReference, string State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset Expires, DateTimeOffset? DeliveredAt, string? LastError, bool HasReceipt)
{
    public static OutboxEntry Of(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var state = m.State switch
        {
            OutboxState.Pending => "pending",
            OutboxState.Delivered => "delivered",
            _ => "dead",
        };
        return new(m.Id, m.Recipient, m.Type, m.CaseReference, state, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.Expires, m.DeliveredAt,
            m.LastError, m.Receipt is not null);
    }
}
