namespace Liaison.Exchange.Envelopes;

/// <summary>
/// Answers whether a message id from a sender has already taken effect. Ids are remembered until
/// the message's expiry plus the clock skew; after that the expiry check refuses the message
/// anyway. Remembering is not done here but by <see cref="Delivery.IInboxStore"/>, in the same
/// transaction as the message's effect — a cache that remembered an id before the effect was
/// committed would turn a crash into a lost message.
/// </summary>
public interface IReplayCache
{
    Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default);
}
