using Liaison.Exchange.Delivery;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Exchange;

/// <summary>
/// The outbox as the delivery worker uses it: a fresh <see cref="LiaisonDb"/> per operation, because
/// the worker records the outcomes of several envelopes in parallel and a DbContext is not safe for
/// concurrent use. Each operation is one statement (or, for the claim, one short transaction).
/// </summary>
internal sealed class WorkerOutboxStore(NodeConfig node) : IOutboxStore
{
    public Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
        With(s => s.AddAsync(message, cancellationToken));

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        With(s => s.ClaimDueAsync(now, max, lease, cancellationToken));

    public Task MarkDeliveredAsync(string id, int attempts, DateTimeOffset deliveredAt, string receipt, CancellationToken cancellationToken = default) =>
        With(s => s.MarkDeliveredAsync(id, attempts, deliveredAt, receipt, cancellationToken));

    public Task ScheduleRetryAsync(string id, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default) =>
        With(s => s.ScheduleRetryAsync(id, attempts, nextAttemptAt, error, cancellationToken));

    public Task MarkDeadAsync(string id, int attempts, string error, CancellationToken cancellationToken = default) =>
        With(s => s.MarkDeadAsync(id, attempts, error, cancellationToken));

    public Task<bool> RetryDeadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        With(s => s.RetryDeadAsync(id, now, cancellationToken));

    public Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        With(s => s.FindAsync(id, cancellationToken));

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default) =>
        With(s => s.ListAsync(state, cancellationToken));

    private async Task With(Func<DbOutboxStore, Task> action)
    {
        await using var db = LiaisonDbFactory.Create(node);
        await action(new DbOutboxStore(db));
    }

    private async Task<T> With<T>(Func<DbOutboxStore, Task<T>> action)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await action(new DbOutboxStore(db));
    }
}
