using System.Net;
using System.Text;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Witnessing;
using Liaison.Node.Witnessing;
using Liaison.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Witnessing;

/// <summary>
/// Witnessing between live nodes on 127.0.0.1 (C2SP tlog-witness): peers cosign each other's checkpoints
/// after checking consistency, and a node that rewrites or cuts its log is caught by its witnesses.
/// </summary>
public sealed class WitnessingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private WitnessedNode _be = null!, _nl = null!, _fr = null!;

    public async Task InitializeAsync()
    {
        _be = await WitnessedNode.CreateAsync("be-fedpol", "BE", _clock);
        _nl = await WitnessedNode.CreateAsync("nl-politie", "NL", _clock);
        _fr = await WitnessedNode.CreateAsync("fr-pj", "FR", _clock);
        await WitnessedNode.TrustEachOtherAsync(_be, _nl, _fr);
        await Task.WhenAll(_be.StartAsync(), _nl.StartAsync(), _fr.StartAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _be, _nl, _fr })
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_peer_cosigns_the_latest_checkpoint_and_the_api_serves_it_with_every_cosignature()
    {
        await _be.JournalAsync(5);

        var outcomes = await _be.WitnessRoundAsync();

        Assert.All(outcomes, o => Assert.Equal(200, o.Status));
        Assert.Equal(["fr-pj", "nl-politie"], outcomes.Select(o => o.Peer).Order(StringComparer.Ordinal));
        var cosigned = (await _be.CosignedCheckpointAsync())!;
        var note = SignedNote.Parse(cosigned.SignedNote);
        Assert.Equal(3, note.Signatures.Count);
        var beKey = _be.Ledger.VerifierKey;
        SignedCheckpoint.Open(cosigned.SignedNote, beKey);
        foreach (var witness in new[] { _nl, _fr })
        {
            var key = witness.Services.GetRequiredService<PeerWitness>().VerifierKey;
            Assert.Contains(note.Signatures, s => key.Verify(note.Text, s));
        }
    }

    [Fact]
    public async Task The_hosted_collector_gets_the_latest_checkpoint_cosigned_once_the_interval_has_passed()
    {
        await _be.JournalAsync(4);

        _clock.Advance(TimeSpan.FromSeconds(new WitnessingOptions().IntervalSeconds + 1));

        var deadline = DateTime.UtcNow.AddSeconds(20); // wall clock: the round runs on the thread pool
        CosignedCheckpoint? cosigned;
        while ((cosigned = await _be.CosignedCheckpointAsync())!.Cosigners.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(["fr-pj.liaison/witness", "nl-politie.liaison/witness"], cosigned.Cosigners.Select(c => c.Witness).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_growing_log_is_cosigned_again_after_its_witness_checks_the_consistency_proof()
    {
        await _be.JournalAsync(3);
        await _be.WitnessRoundAsync();
        await _be.JournalAsync(9);

        var outcomes = await _be.WitnessRoundAsync();

        Assert.All(outcomes, o => Assert.Equal(200, o.Status));
        var cosigned = (await _be.CosignedCheckpointAsync())!;
        Assert.Equal(_be.Ledger.Sequencer.Size, cosigned.Size);
        Assert.Equal(2, cosigned.Cosigners.Count);
        await using var db = _nl.Node.Db();
        Assert.Equal(cosigned.Size, (await db.WitnessState.SingleAsync(w => w.Origin == NodeLedger.OriginOf("be-fedpol"))).Size);
    }

    [Fact]
    public async Task A_node_that_rewrites_an_entry_of_its_log_is_caught_by_its_witnesses_as_a_split_view()
    {
        await _be.JournalAsync(6);
        await _be.WitnessRoundAsync();
        var cosignedSize = _be.Ledger.Sequencer.Size;
        await _be.StopAsync();
        await _be.ForkAsync(index: 2);
        await _be.StartAsync();
        await _be.Ledger.CheckpointNowAsync();
        Assert.Equal(cosignedSize, _be.Ledger.Sequencer.Size);

        var outcomes = await _be.WitnessRoundAsync();

        Assert.All(outcomes, o => Assert.Equal(409, o.Status));
        foreach (var witness in new[] { _nl, _fr })
        {
            var alert = Assert.Single(await witness.AlertsAsync());
            Assert.Equal("split-view", alert.Kind);
            Assert.Equal("be-fedpol", alert.PeerNodeId);
            Assert.Equal(cosignedSize, alert.Size);
            // Both checkpoints are signed by be-fedpol's key: proof, for anyone, that it showed two trees of one size.
            var seen = SignedCheckpoint.Open(alert.CheckpointSeen, _be.Ledger.VerifierKey).Checkpoint;
            var presented = SignedCheckpoint.Open(alert.CheckpointPresented, _be.Ledger.VerifierKey).Checkpoint;
            Assert.Equal(seen.Size, presented.Size);
            Assert.NotEqual(seen.RootHash, presented.RootHash);
            var journalled = (await witness.Node.LedgerAsync())[(int)alert.LedgerIndex].Event;
            Assert.Equal(LedgerEventType.Admin, journalled.Type);
            Assert.Equal("admin.witness.split-view", journalled.Detail["action"]);
        }
        Assert.Empty((await _be.CosignedCheckpointAsync())!.Cosigners);
    }

    [Fact]
    public async Task A_node_that_rewrites_history_and_grows_is_refused_as_inconsistent()
    {
        await _be.JournalAsync(6);
        await _be.WitnessRoundAsync();
        await _be.StopAsync();
        await _be.ForkAsync(index: 1);
        await _be.StartAsync();
        await _be.JournalAsync(4);

        var outcomes = await _be.WitnessRoundAsync();

        Assert.All(outcomes, o => Assert.Equal(422, o.Status));
        var alert = Assert.Single(await _nl.AlertsAsync());
        Assert.Equal("inconsistent", alert.Kind);
        Assert.Empty((await _be.CosignedCheckpointAsync())!.Cosigners);
    }

    [Fact]
    public async Task A_node_that_cuts_entries_off_its_log_is_refused_as_a_rollback()
    {
        await _be.JournalAsync(8);
        await _be.WitnessRoundAsync();
        await _be.StopAsync();
        await _be.TruncateAsync(from: 4);
        await _be.StartAsync();
        await _be.Ledger.CheckpointNowAsync();

        await _be.WitnessRoundAsync();

        Assert.Equal("rollback", Assert.Single(await _fr.AlertsAsync()).Kind);
    }

    [Fact]
    public async Task A_request_without_a_peer_statement_is_refused_and_journalled()
    {
        await _be.JournalAsync(2);
        var checkpoint = (await _be.Ledger.Store.GetLatestCheckpointAsync(CancellationToken.None))!.SignedNote;
        using var anonymous = _nl.Node.Anonymous();

        var response = await anonymous.PostAsync(WitnessEndpoint.Path,
            new StringContent(new AddCheckpointRequest(0, [], checkpoint).Format(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await _nl.Node.AuditAsync(), a => a.Action == "witness.add-checkpoint" && a.Decision == "deny");
        await using var db = _nl.Node.Db();
        Assert.False(await db.WitnessState.AnyAsync());
    }

    [Fact]
    public async Task A_peer_cannot_present_another_nodes_log_as_its_own()
    {
        await _fr.JournalAsync(2);
        var frCheckpoint = (await _fr.Ledger.Store.GetLatestCheckpointAsync(CancellationToken.None))!.SignedNote;
        await _be.JournalAsync(1);

        // be-fedpol's statement binds only be-fedpol's origin; the witness finds fr-pj's origin unknown for this caller.
        var response = await PostAsAsync(_be, _nl, new AddCheckpointRequest(0, [], frCheckpoint));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_node_that_is_not_a_peer_is_refused()
    {
        await using var stranger = await WitnessedNode.CreateAsync("zz-stranger", "GB", _clock);
        await stranger.Node.TrustAsync(_nl.Node);
        await stranger.StartAsync();
        await stranger.JournalAsync(2);

        var outcome = Assert.Single(await stranger.WitnessRoundAsync());

        Assert.Equal(403, outcome.Status);
        Assert.Contains("UnknownSender", outcome.Detail, StringComparison.Ordinal);
    }

    /// <summary>Posts an add-checkpoint request to <paramref name="witness"/> with <paramref name="from"/>'s signed key statement.</summary>
    private static async Task<HttpResponseMessage> PostAsAsync(WitnessedNode from, WitnessedNode witness, AddCheckpointRequest request)
    {
        var federation = from.Services.GetRequiredService<Liaison.Node.Federation.NodeFederation>();
        var peer = (await federation.Peers.FindAsync(witness.NodeId))!;
        var statement = new LedgerKeyStatement(from.Ledger.VerifierKey, from.Services.GetRequiredService<PeerWitness>().VerifierKey).SignFor(federation, peer);
        using var client = witness.Node.Anonymous();
        using var message = new HttpRequestMessage(HttpMethod.Post, WitnessEndpoint.Path) { Content = new StringContent(request.Format(), Encoding.UTF8, "text/plain") };
        message.Headers.Add(LedgerKeyStatement.Header, statement);
        return await client.SendAsync(message);
    }
}
