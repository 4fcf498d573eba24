using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;

namespace Liaison.Node.Exchange;

/// <summary>
/// Hands each received message to the one <see cref="IInboundMessageHandler"/> registered for its
/// type. Runs as the effect of <see cref="MessageReceiver.ReceiveAsync"/>, i.e. inside the inbox's
/// transaction. A type nobody handles is refused for good (<see cref="MessageRefusedException"/>):
/// retrying would not teach this node a new type.
/// </summary>
public sealed class InboundDispatcher
{
    private readonly Dictionary<string, IInboundMessageHandler> _byType = new(StringComparer.Ordinal);

    public InboundDispatcher(IEnumerable<IInboundMessageHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            foreach (var type in handler.MessageTypes)
            {
                if (!_byType.TryAdd(type, handler))
                {
                    throw new InvalidOperationException(
                        $"message type '{type}' has two handlers: {_byType[type].GetType().Name} and {handler.GetType().Name}");
                }
            }
        }
    }

    /// <summary>The message types this node acts on.</summary>
    public IReadOnlyCollection<string> MessageTypes => _byType.Keys;

    public Task DispatchAsync(OpenedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var h = message.Header;
        if (!_byType.TryGetValue(h.Type, out var handler))
        {
            throw new MessageRefusedException($"message type '{h.Type}' is not handled by this node");
        }
        return handler.HandleAsync(
            new InboundMessage(h.Sender, h.MessageId, h.Type, h.CaseReference, h.Handling, h.Tlp, h.Created, h.Expires, message.Payload, message.SignerKid),
            cancellationToken);
    }
}
