using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// The receiver's memory of what has taken effect: the duplicate filter and the replay cache in one.
/// <para>
/// The exactly-once contract is in <see cref="RecordOnceAsync"/>: the storage layer opens one
/// transaction, inserts the entry (primary key sender + message id), runs <c>effect</c> on the same
/// connection/DbContext, and commits. A unique-key violation on insert means another delivery of the
/// same message won: roll back and return <see cref="InboxOutcome.Duplicate"/> with the stored
/// entry. If <c>effect</c> throws, roll back: neither the effect nor the entry exists, so a retry
/// runs it again. Either both the effect and the entry are committed, or neither.
/// </para>
/// </summary>
public interface IInboxStore : IReplayCache
{
    Task<InboxEntry?> FindAsync(string sender, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="effect"/> and records <paramref name="entry"/> atomically, unless the entry exists already.</summary>
    Task<InboxOutcome> RecordOnceAsync(InboxEntry entry, Func<CancellationToken, Task> effect, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the unit for one envelope's messages (see <see cref="IInboxEnvelope"/>); the receiver completes
    /// it before it signs the receipt. A store without one records each message durably on its own.
    /// </summary>
    Task<IInboxEnvelope> BeginEnvelopeAsync(CancellationToken cancellationToken = default) => Task.FromResult<IInboxEnvelope>(EachMessageOnItsOwn.Instance);

    /// <summary>Forgets entries that expired before <paramref name="before"/> (the caller passes now − clock skew).</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

/// <summary>Whether <see cref="IInboxStore.RecordOnceAsync"/> ran the effect, and the entry now stored.</summary>
public sealed record InboxOutcome(bool Duplicate, InboxEntry Entry);
