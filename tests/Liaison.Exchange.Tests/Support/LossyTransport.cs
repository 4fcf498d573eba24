using Liaison.Exchange.Delivery;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Tests.Support;

/// <summary>
/// An in-memory network that misbehaves: it loses requests, loses answers after the receiver has
/// acted, delivers twice, and holds envelopes back to deliver them later, out of order. Seeded, so
/// a failing run can be replayed.
/// </summary>
internal sealed class LossyTransport(IReadOnlyDictionary<string, TestNode> nodes, Func<Liaison.Exchange.Envelopes.OpenedMessage, CancellationToken, Task> effect, int seed)
    : IMessageTransport
{
    private readonly Random _random = new(seed);
    private readonly List<(string Recipient, string Envelope)> _held = [];
    private readonly Lock _lock = new();

    public double LoseRequest { get; init; } = 0.2;
    public double LoseAnswer { get; init; } = 0.2;
    public double Duplicate { get; init; } = 0.2;
    public double HoldBack { get; init; } = 0.15;

    public int Sends { get; private set; }

    private double Next()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }

    public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Sends++;
        }
        var receiver = nodes[recipient.NodeId].Receiver;
        if (Next() < HoldBack)
        {
            lock (_lock)
            {
                _held.Add((recipient.NodeId, envelope));
            }
            throw new MessageTransportException("timed out (held back for later)");
        }
        if (Next() < LoseRequest)
        {
            throw new MessageTransportException("connection reset before the request arrived");
        }
        await ReleaseSomeHeld(cancellationToken);
        var result = await receiver.ReceiveAsync(envelope, effect, cancellationToken);
        if (Next() < Duplicate)
        {
            await receiver.ReceiveAsync(envelope, effect, cancellationToken);
        }
        if (Next() < LoseAnswer)
        {
            throw new MessageTransportException("connection reset before the answer arrived");
        }
        return result.ReceiptEnvelope;
    }

    /// <summary>Delivers everything still held back, in reverse order (the late arrivals).</summary>
    public async Task FlushHeldAsync()
    {
        List<(string, string)> held;
        lock (_lock)
        {
            held = [.. _held];
            _held.Clear();
        }
        held.Reverse();
        foreach (var (recipient, envelope) in held)
        {
            await nodes[recipient].Receiver.ReceiveAsync(envelope, effect);
        }
    }

    private async Task ReleaseSomeHeld(CancellationToken cancellationToken)
    {
        (string Recipient, string Envelope)? late = null;
        lock (_lock)
        {
            if (_held.Count > 0 && _random.NextDouble() < 0.3)
            {
                var i = _random.Next(_held.Count);
                late = _held[i];
                _held.RemoveAt(i);
            }
        }
        if (late is { } l)
        {
            await nodes[l.Recipient].Receiver.ReceiveAsync(l.Envelope, effect, cancellationToken);
        }
    }
}
