using Liaison.Ledger.Entries;
using Liaison.Ledger.Export;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Verification;
using Liaison.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests;

/// <summary>The ledger in the node database, on SQLite and PostgreSQL: appends, proofs, and tampering found by index.</summary>
public class LedgerStoreTests
{
    private static LedgerEvent Event(int i) => new()
    {
        Type = LedgerEventType.Read,
        Actor = "analyst",
        Case = "C1",
        Purpose = "criminal-investigation",
        Decision = "permit",
        Rule = "case-membership",
        Time = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).AddSeconds(i),
        Subjects = [$"record-{i}"],
    };

    private static async Task<NodeLedger> FilledLedger(TestNode node, int entries)
    {
        var ledger = await NodeLedger.OpenAsync(node.Config, node.Clock);
        await Task.WhenAll(Enumerable.Range(0, entries).Select(i => ledger.AppendAsync(Event(i)).AsTask()));
        await ledger.CheckpointNowAsync();
        return ledger;
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task An_intact_ledger_verifies_and_its_proofs_check(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var ledger = await FilledLedger(node, 40);

        var report = await LedgerVerifier.VerifyAsync(ledger.Store, ledger.VerifierKey, [], CancellationToken.None);
        Assert.Null(report.Fault);
        Assert.Equal(40, report.EntriesChecked);

        var root = ledger.Sequencer.RootAt(40);
        Assert.True(ProofVerifier.VerifyInclusion(17, 40, ledger.Sequencer.LeafHash(17), ledger.Sequencer.InclusionProof(17, 40), root).IsValid);
        Assert.True(ProofVerifier.VerifyConsistency(13, 40, ledger.Sequencer.ConsistencyProof(13, 40), ledger.Sequencer.RootAt(13), root).IsValid);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_row_changed_by_direct_SQL_is_named_by_its_index(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await (await FilledLedger(node, 25)).DisposeAsync();
        await using (var db = node.Db())
        {
            var row = await db.LedgerEntries.SingleAsync(e => e.Index == 11);
            row.Payload = [.. row.Payload[..^1], (byte)(row.Payload[^1] ^ 0x01)];
            await db.SaveChangesAsync();
        }

        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);

        Assert.Equal(11, report.Fault?.Index);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_deleted_row_is_found_and_a_tampered_ledger_will_not_open(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await (await FilledLedger(node, 10)).DisposeAsync();
        await using (var db = node.Db())
        {
            await db.LedgerEntries.Where(e => e.Index == 4).ExecuteDeleteAsync();
        }

        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);
        Assert.Equal(4, report.Fault?.Index);
        await Assert.ThrowsAnyAsync<Exception>(() => NodeLedger.OpenAsync(node.Config, node.Clock));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Two_entries_swapped_by_direct_SQL_are_found_at_the_first_of_them(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await (await FilledLedger(node, 20)).DisposeAsync();
        await using (var db = node.Db())
        {
            var a = await db.LedgerEntries.SingleAsync(e => e.Index == 6);
            var b = await db.LedgerEntries.SingleAsync(e => e.Index == 9);
            (a.Payload, b.Payload, a.LeafHash, b.LeafHash) = (b.Payload, a.Payload, b.LeafHash, a.LeafHash);
            await db.SaveChangesAsync();
        }

        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);

        Assert.NotNull(report.Fault);
        Assert.InRange(report.Fault!.Index ?? -1, 0, 9);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_stored_leaf_hash_changed_by_direct_SQL_is_named_by_its_index(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await (await FilledLedger(node, 16)).DisposeAsync();
        await using (var db = node.Db())
        {
            var row = await db.LedgerEntries.SingleAsync(e => e.Index == 3);
            row.LeafHash = [.. row.LeafHash.Select(x => (byte)~x)];
            await db.SaveChangesAsync();
        }

        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);

        Assert.Equal(3, report.Fault?.Index);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task An_entry_inserted_in_the_middle_by_direct_SQL_is_found(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await (await FilledLedger(node, 10)).DisposeAsync();
        await using (var db = node.Db())
        {
            // Shift entries 5.. up by one (from the top, so the key never collides) and forge a new entry 5.
            var rows = await db.LedgerEntries.Where(e => e.Index >= 5).OrderByDescending(e => e.Index).ToListAsync();
            foreach (var row in rows)
            {
                var moved = new Liaison.Storage.Rows.LedgerEntryRow { Index = row.Index + 1, Payload = row.Payload, LeafHash = row.LeafHash };
                db.LedgerEntries.Remove(row);
                await db.SaveChangesAsync();
                db.LedgerEntries.Add(moved);
                await db.SaveChangesAsync();
            }
            var forged = LedgerEntry.Create(5, Event(99));
            db.LedgerEntries.Add(new Liaison.Storage.Rows.LedgerEntryRow { Index = 5, Payload = forged.Payload, LeafHash = forged.LeafHash });
            await db.SaveChangesAsync();
        }

        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);

        Assert.NotNull(report.Fault);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task An_export_verifies_without_the_database(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var ledger = await FilledLedger(node, 12);
        var folder = Path.Combine(node.Config.Directory, "export");

        await LedgerExport.WriteAsync(ledger.Store, ledger.VerifierKey, [], folder, CancellationToken.None);

        var report = await LedgerExport.VerifyAsync(folder, ledger.VerifierKey, CancellationToken.None);
        Assert.Null(report.Fault);
        Assert.Equal(12, report.EntriesChecked);
    }
}
