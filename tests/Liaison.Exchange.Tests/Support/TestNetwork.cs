using Liaison.Exchange.Delivery;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Tests.Support;

/// <summary>
/// Several test nodes wired together in memory: each node's delivery worker hands envelopes to the
/// recipient's receiver, whose effect is the recipient's case mailbox.
/// </summary>
internal sealed class TestNetwork(params TestNode[] nodes) : IMessageTransport
{
    private readonly Dictionary<string, TestNode> _nodes = nodes.ToDictionary(n => n.Id);

    public System.Collections.Concurrent.ConcurrentQueue<DeliveryAttempt> Deliveries { get; } = new();

    public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default)
    {
        var to = _nodes[recipient.NodeId];
        return (await to.Receiver.ReceiveAsync(envelope, to.Cases.ApplyAsync, cancellationToken)).ReceiptEnvelope;
    }

    /// <summary>Runs every node's worker until no outbox has anything pending (cascades included).</summary>
    public async Task DeliverAllAsync()
    {
        var workers = _nodes.Values.Select(n =>
        {
            var w = n.Worker(this);
            w.Attempted += Deliveries.Enqueue;
            return w;
        }).ToList();
        for (var round = 0; round < 20; round++)
        {
            var attempted = 0;
            foreach (var w in workers)
            {
                attempted += await w.DeliverDueAsync();
            }
            if (attempted == 0)
            {
                return;
            }
        }
    }
}
