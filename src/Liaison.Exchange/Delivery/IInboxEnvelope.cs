namespace Liaison.Exchange.Delivery;

/// <summary>
/// The unit in which one received envelope's messages are recorded (<see cref="IInboxStore.BeginEnvelopeAsync"/>).
/// While it is open, each <see cref="IInboxStore.RecordOnceAsync"/> is still all-or-nothing for its own
/// message (a failed effect takes its inbox entry with it), but nothing is durable until
/// <see cref="CompleteAsync"/> commits them all at once — one commit per envelope instead of one per
/// message. Disposing it without completing rolls every message back, so the sender, which gets no
/// receipt, sends them again.
/// </summary>
public interface IInboxEnvelope : IAsyncDisposable
{
    /// <summary>Makes every message recorded in this envelope durable.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>No envelope unit: each message is durable when <see cref="IInboxStore.RecordOnceAsync"/> returns.</summary>
public sealed class EachMessageOnItsOwn : IInboxEnvelope
{
    public static readonly EachMessageOnItsOwn Instance = new();

    private EachMessageOnItsOwn()
    {
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
