namespace Liaison.Exchange.Delivery;

/// <summary>A delivery attempt failed. <see cref="Permanent"/> failures are dead-lettered at once instead of retried.</summary>
public sealed class MessageTransportException(string message, bool permanent = false, Exception? inner = null)
    : ExchangeException(message, inner)
{
    public bool Permanent { get; } = permanent;
}
