using System.Text;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Support;

/// <summary>One node in memory with everything the exchange needs, on a shared fake clock.</summary>
internal sealed class TestNode : IDisposable
{
    private TestNode(NodeIdentity identity, FakeTimeProvider time, ExchangeOptions options)
    {
        Identity = identity;
        Time = time;
        Options = options;
        Sealer = new EnvelopeSealer(identity, time, options);
        Opener = new EnvelopeOpener(identity, Peers, Inbox, time, options);
        Receiver = new MessageReceiver(Opener, Inbox, new ReceiptIssuer(Sealer, time, options), time);
        Outbox = new Outbox(OutboxStore, Peers, Sealer, time);
        Cases = new CaseMailbox(Id, new InMemoryCaseStore(), Outbox, time);
    }

    public CaseMailbox Cases { get; }

    public NodeIdentity Identity { get; }
    public string Id => Identity.NodeId;
    public FakeTimeProvider Time { get; }
    public ExchangeOptions Options { get; }
    public InMemoryPeerDirectory Peers { get; } = new();
    public InMemoryInboxStore Inbox { get; } = new();
    public InMemoryOutboxStore OutboxStore { get; } = new();
    public EnvelopeSealer Sealer { get; }
    public EnvelopeOpener Opener { get; }
    public MessageReceiver Receiver { get; }
    public Outbox Outbox { get; }

    /// <summary>An opener without replay cache, as receipts are checked.</summary>
    public EnvelopeOpener ReceiptOpener => new(Identity, Peers, null, Time, Options);

    public static TestNode Create(string nodeId, FakeTimeProvider time, ExchangeOptions? options = null) =>
        new(NodeIdentity.CreateEphemeral(
            new NodeProfile(nodeId, "Agency of " + nodeId, nodeId[..2].ToUpperInvariant(), new Uri($"https://{nodeId}.example/")), time),
            time, options ?? new ExchangeOptions());

    /// <summary>Adds <paramref name="other"/>'s current descriptor to this node's peers (as <c>liaison peer add</c> does).</summary>
    public Task<PeerChange> Trust(TestNode other) =>
        new PeerOnboarding(Peers, Id, Time).AddAsync(other.Identity.ExportDescriptor());

    public async Task<Peer> PeerOf(TestNode other) => (await Peers.FindAsync(other.Id))!;

    public async Task<SealedEnvelope> SealTo(TestNode recipient, string text = "hello", string type = "case.message", TimeSpan? lifetime = null) =>
        Sealer.Seal(new OutgoingMessage(recipient.Id, type, Encoding.UTF8.GetBytes(text), "CASE-1", Lifetime: lifetime), await PeerOf(recipient));

    /// <summary>The envelope for an outbox row of this node, as the delivery worker would build it.</summary>
    public async Task<string> EnvelopeFor(OutboxMessage row) =>
        Sealer.Encrypt(SignedMessage.FromStored(row.SignedMessage), (await Peers.FindAsync(row.Recipient))!).Compact;

    public DeliveryWorker Worker(IMessageTransport transport, RetryPolicy? policy = null) =>
        new(OutboxStore, transport, Peers, Sealer, new ReceiptVerifier(ReceiptOpener), policy ?? new RetryPolicy(), Time);

    public static async Task Introduce(params TestNode[] nodes)
    {
        foreach (var a in nodes)
        {
            foreach (var b in nodes.Where(b => b != a))
            {
                await a.Trust(b);
            }
        }
    }

    public void Dispose() => Identity.Dispose();
}
