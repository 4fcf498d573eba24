namespace Liaison.Exchange.Delivery;

/// <summary>
/// The durable outbox. Storage implements it on the database; <see cref="InMemoryOutboxStore"/> is
/// the reference for tests. Contract:
/// <list type="bullet">
/// <item><see cref="AddAsync"/> joins the caller's ambient transaction (the business change).</item>
/// <item><see cref="ClaimDueAsync"/> must hand a row to one worker only, across replicas: on
/// PostgreSQL <c>UPDATE … SET next_attempt_at = now + lease WHERE id IN (SELECT id … WHERE state = 'pending'
/// AND next_attempt_at &lt;= now ORDER BY next_attempt_at LIMIT n FOR UPDATE SKIP LOCKED) RETURNING *</c>.
/// The lease makes a row claimed by a crashed worker due again once it ends.</item>
/// <item>The state changes are single-row updates keyed on id; <c>MarkDeliveredAsync</c> is idempotent.</item>
/// </list>
/// </summary>
public interface IOutboxStore
{
    Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> pending messages due at <paramref name="now"/>, each leased until <c>now + lease</c>.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default);

    Task MarkDeliveredAsync(string id, int attempts, DateTimeOffset deliveredAt, string receipt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every message one receipt lists as delivered. A database store overrides it to write
    /// them in one transaction (one commit per envelope instead of one per message).
    /// </summary>
    async Task MarkDeliveredAsync(IReadOnlyList<(string Id, int Attempts)> messages, DateTimeOffset deliveredAt, string receipt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var (id, attempts) in messages)
        {
            await MarkDeliveredAsync(id, attempts, deliveredAt, receipt, cancellationToken);
        }
    }

    Task ScheduleRetryAsync(string id, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default);

    Task MarkDeadAsync(string id, int attempts, string error, CancellationToken cancellationToken = default);

    /// <summary>The operator's retry: a dead message becomes pending again with its attempts reset. False if it is not dead.</summary>
    Task<bool> RetryDeadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default);
}
