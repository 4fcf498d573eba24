using System.Text;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Descriptors;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Peers;

/// <summary>The operator's path end to end on disk: keys init, peer export, peer add, then a message both ways after a restart.</summary>
public sealed class OnDiskNodesTests : IDisposable
{
    private static readonly KeyPassphrase Passphrase = new("a long enough passphrase");
    private readonly TempDirectory _root = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _root.Dispose();

    private string Dir(string node) => Path.Combine(_root.Path, node);

    [Fact]
    public async Task Nodes_set_up_from_files_exchange_a_message_after_reloading_their_keys()
    {
        foreach (var (id, cc) in new[] { ("gb-nca", "GB"), ("us-fbi", "US") })
        {
            using var created = NodeIdentity.Create(Dir(id), new NodeProfile(id, "Agency " + cc, cc, new Uri($"https://{id}.example/")),
                Passphrase, _time, new KeyProtection(1_000));
        }
        foreach (var (me, other) in new[] { ("gb-nca", "us-fbi"), ("us-fbi", "gb-nca") })
        {
            using var otherIdentity = NodeIdentity.Load(Dir(other), Passphrase, _time);
            var exported = otherIdentity.ExportDescriptor().ToJson();
            var onboarding = new PeerOnboarding(new FilePeerDirectory(Dir(me)), NodeIdentity.ReadProfile(Dir(me)).NodeId, _time);
            await onboarding.AddAsync(SignedNodeDescriptor.Parse(exported));
        }

        using var gb = NodeIdentity.Load(Dir("gb-nca"), Passphrase, _time);
        using var us = NodeIdentity.Load(Dir("us-fbi"), Passphrase, _time);
        var gbPeers = new FilePeerDirectory(Dir("gb-nca"));
        var usPeers = new FilePeerDirectory(Dir("us-fbi"));
        var options = new ExchangeOptions();
        var gbSealer = new EnvelopeSealer(gb, _time, options);
        var usPeer = (await gbPeers.FindAsync("us-fbi"))!;
        var signed = gbSealer.Sign(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes("from disk")), usPeer);
        var sealedEnvelope = gbSealer.Encrypt(signed, usPeer);
        var inbox = new InMemoryInboxStore();
        var receiver = new MessageReceiver(new EnvelopeOpener(us, usPeers, inbox, _time, options), inbox,
            new ReceiptIssuer(new EnvelopeSealer(us, _time, options), _time, options), _time);

        string? received = null;
        var result = await receiver.ReceiveAsync(sealedEnvelope.Compact, (m, _) =>
        {
            received = Encoding.UTF8.GetString(m.Payload);
            return Task.CompletedTask;
        });
        var receipt = await new ReceiptVerifier(new EnvelopeOpener(gb, gbPeers, null, _time, options))
            .VerifyAsync(OutboxMessage.For(signed, _time.GetUtcNow()), result.ReceiptEnvelope);

        Assert.Equal("from disk", received);
        Assert.Equal(sealedEnvelope.Header.MessageId, receipt.MessageId);
        Assert.Equal(gb.Fingerprint, (await usPeers.FindAsync("gb-nca"))!.Signed.Fingerprint);
    }
}
