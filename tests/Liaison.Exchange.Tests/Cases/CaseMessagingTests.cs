using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Cases;

public sealed class CaseMessagingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly TestNode _eu;
    private readonly TestNetwork _network;

    public CaseMessagingTests()
    {
        _gb = TestNode.Create("gb-nca", _time);
        _us = TestNode.Create("us-fbi", _time);
        _eu = TestNode.Create("eu-hub", _time);
        TestNode.Introduce(_gb, _us, _eu).GetAwaiter().GetResult();
        _network = new TestNetwork(_gb, _us, _eu);
    }

    public void Dispose()
    {
        _gb.Dispose();
        _us.Dispose();
        _eu.Dispose();
    }

    private EntityRecord Phone(string id = "rec-phone-1", string number = "+447700900123", Tlp tlp = Tlp.Green, Handling? handling = null) =>
        new(id, "Phone", new Dictionary<string, List<string>> { ["number"] = [number] }, new RecordEnvelope
        {
            OriginAgency = "National Crime Agency",
            OriginNode = "gb-nca",
            CaseId = "GB-OP-TRIDENT",
            Tlp = tlp,
            Handling = handling ?? Handling.LawEnforcementOnly,
            Grading = new Grading(SourceReliability.B, InformationCredibility.KnownToSource),
            LegalBasis = "IPA 2016 s.61",
            Provenance = new Provenance("file:cdr-export.csv", _time.GetUtcNow(), "analyst-7"),
        });

    private async Task<CaseThread> ShareWithUsAndEu(params EntityRecord[] records)
    {
        var thread = await _gb.Cases.OpenThreadAsync("GB-OP-TRIDENT", "Shared phone", ["us-fbi", "eu-hub"]);
        await _gb.Cases.PostAsync(thread.ThreadId, "Number seen in both our cases?", records, Tlp.Amber);
        await _network.DeliverAllAsync();
        return thread;
    }

    [Fact]
    public async Task Shared_record_arrives_with_origin_handling_and_grading_and_markings_narrowed_by_the_message()
    {
        var thread = await ShareWithUsAndEu(Phone());

        var copy = (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!;
        var received = copy.Record;
        var usThread = await _us.Cases.Store.FindThreadAsync(thread.ThreadId);

        Assert.Equal("+447700900123", received.First("number"));
        Assert.Equal("gb-nca", received.Envelope.OriginNode);
        Assert.Equal("National Crime Agency", received.Envelope.OriginAgency);
        Assert.Equal(new Grading(SourceReliability.B, InformationCredibility.KnownToSource), received.Envelope.Grading);
        Assert.Equal(HandlingCodes.H0, received.Envelope.Handling.Codes);
        Assert.Equal(Tlp.Amber, received.Envelope.Tlp);
        Assert.Equal("peer:gb-nca", received.Envelope.Provenance.Source);
        Assert.Equal("Number seen in both our cases?", usThread!.Messages.Single().Text);
        Assert.NotNull(await _eu.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
        Assert.All(_network.Deliveries, d => Assert.Equal(OutboxState.Delivered, d.State));
    }

    [Fact]
    public async Task Copy_at_the_receiver_is_read_only()
    {
        await ShareWithUsAndEu(Phone());
        var copy = (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!;

        var handedOut = copy.Record;
        handedOut.Properties["number"][0] = "+10000000000";
        handedOut.Envelope = handedOut.Envelope with { Tlp = Tlp.Clear };

        Assert.Equal("+447700900123", copy.Record.First("number"));
        Assert.Equal(Tlp.Amber, copy.Record.Envelope.Tlp);
        await Assert.ThrowsAsync<ReadOnlyCopyException>(() => _us.Cases.UpdateRecordAsync(copy.Record));
        await Assert.ThrowsAsync<ReadOnlyCopyException>(() => _us.Cases.WithdrawRecordAsync("rec-phone-1", "gb-nca"));
    }

    [Fact]
    public async Task Originators_update_replaces_the_copies()
    {
        await ShareWithUsAndEu(Phone());

        await _gb.Cases.UpdateRecordAsync(Phone(number: "+447700900999"));
        await _network.DeliverAllAsync();

        var copy = (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!;
        Assert.Equal("+447700900999", copy.Record.First("number"));
        Assert.Equal(2, copy.Version);
        Assert.Equal("+447700900999", (await _eu.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!.Record.First("number"));
    }

    [Fact]
    public async Task Update_from_a_node_that_is_not_the_originator_is_ignored()
    {
        await ShareWithUsAndEu(Phone());
        var ignored = new List<string>();
        _us.Cases.Ignored += ignored.Add;
        var forged = new RecordUpdate("t", SharedRecord.From(Phone(number: "+15550000000"), version: 9));

        await _eu.Outbox.EnqueueAsync(new Liaison.Exchange.Envelopes.OutgoingMessage("us-fbi", CaseMessageTypes.RecordUpdate,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(forged, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))));
        await _network.DeliverAllAsync();

        Assert.Equal("+447700900123", (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!.Record.First("number"));
        Assert.Contains(ignored, i => i.Contains("not its originator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawal_removes_the_copy_at_every_receiver()
    {
        await ShareWithUsAndEu(Phone(), Phone("rec-phone-2", "+447700900456"));

        await _gb.Cases.WithdrawRecordAsync("rec-phone-1", "gb-nca");
        await _network.DeliverAllAsync();

        Assert.Null(await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
        Assert.Null(await _eu.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
        Assert.NotNull(await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-2"));
    }

    [Fact]
    public async Task Forwarded_record_is_narrowed_again_and_follows_the_originators_withdrawal_through_the_hop()
    {
        var gbToEu = await _gb.Cases.OpenThreadAsync("GB-OP-TRIDENT", "To the hub", ["eu-hub"]);
        await _gb.Cases.PostAsync(gbToEu.ThreadId, "For the hub", [Phone(tlp: Tlp.Green)], Tlp.Green);
        await _network.DeliverAllAsync();
        var atHub = (await _eu.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!.Record;
        var euToUs = await _eu.Cases.OpenThreadAsync("EU-AP-2025-17", "Passed on", ["us-fbi"]);

        await _eu.Cases.PostAsync(euToUs.ThreadId, "From GB, via the hub", [atHub], Tlp.AmberStrict, new Handling(HandlingCodes.H2));
        await _network.DeliverAllAsync();
        var atUs = (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!;
        await _gb.Cases.WithdrawRecordAsync("rec-phone-1", "gb-nca");
        await _network.DeliverAllAsync();

        Assert.Equal(Tlp.AmberStrict, atUs.Record.Envelope.Tlp);
        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H2, atUs.Record.Envelope.Handling.Codes);
        Assert.Equal("gb-nca", atUs.Record.Envelope.OriginNode);
        Assert.Equal("eu-hub", atUs.SharedBy);
        Assert.Null(await _eu.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
        Assert.Null(await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
    }

    [Fact]
    public async Task Withdrawal_that_overtakes_its_share_keeps_the_record_out()
    {
        var thread = await _gb.Cases.OpenThreadAsync("GB-OP-TRIDENT", "Race", ["us-fbi"]);
        await _gb.Cases.PostAsync(thread.ThreadId, "x", [Phone()]);
        await _gb.Cases.WithdrawRecordAsync("rec-phone-1", "gb-nca");
        var pending = await _gb.OutboxStore.ListAsync(OutboxState.Pending);
        var share = pending.Single(m => m.Type == CaseMessageTypes.Post);
        var withdrawal = pending.Single(m => m.Type == CaseMessageTypes.RecordWithdrawal);

        await _network.SendAsync(await _gb.PeerOf(_us), await _gb.EnvelopeFor(withdrawal));
        await _network.SendAsync(await _gb.PeerOf(_us), await _gb.EnvelopeFor(share));

        Assert.Null(await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"));
    }

    [Fact]
    public async Task Update_that_arrives_before_an_older_version_is_not_undone_by_it()
    {
        var thread = await ShareWithUsAndEu(Phone());
        await _gb.Cases.UpdateRecordAsync(Phone(number: "+447700900222"));
        await _gb.Cases.UpdateRecordAsync(Phone(number: "+447700900333"));
        var updates = (await _gb.OutboxStore.ListAsync(OutboxState.Pending))
            .Where(m => m.Type == CaseMessageTypes.RecordUpdate && m.Recipient == "us-fbi").ToList();

        await _network.SendAsync(await _gb.PeerOf(_us), await _gb.EnvelopeFor(updates[1]));
        await _network.SendAsync(await _gb.PeerOf(_us), await _gb.EnvelopeFor(updates[0]));

        Assert.NotNull(thread);
        Assert.Equal("+447700900333", (await _us.Cases.Store.FindCopyAsync("gb-nca", "rec-phone-1"))!.Record.First("number"));
    }
}
