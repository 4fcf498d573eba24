using System.Text;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Export;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;

namespace Liaison.Ledger.Tests.Verification;

/// <summary>Every kind of edit to a stored log is caught by <see cref="LedgerVerifier"/>, which names the entry.</summary>
public sealed class TamperDetectionTests : IDisposable
{
    private readonly NoteSigningKey _key = Sample.LogKey();

    public void Dispose() => _key.Dispose();

    private async Task<InMemoryLedgerStore> LogAsync(int count = 40, int checkpointEvery = 10)
    {
        var store = new InMemoryLedgerStore();
        using var _ = await Sample.SignedLogAsync(store, _key, count, checkpointEvery);
        return store;
    }

    private Task<LedgerVerificationReport> VerifyAsync(ILedgerStore store) =>
        LedgerVerifier.VerifyAsync(store, _key.VerifierKey, null, CancellationToken.None);

    [Fact]
    public async Task Untouched_log_is_intact()
    {
        var store = await LogAsync();

        var report = await VerifyAsync(store);

        Assert.True(report.IsIntact, report.Fault?.ToString());
        Assert.Equal(40, report.EntriesChecked);
        Assert.Equal(4, report.CheckpointsChecked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(39)]
    public async Task Flipping_a_byte_of_entry_k_names_index_k(int k)
    {
        var store = await LogAsync();
        var entry = await store.GetEntryAsync(k, CancellationToken.None);
        var payload = (byte[])entry.Payload.Clone();
        payload[payload.Length / 2] ^= 0x01;
        store.Overwrite(k, entry with { Payload = payload });

        var report = await VerifyAsync(store);

        Assert.Equal(k, report.Fault!.Index);
    }

    [Fact]
    public async Task Entry_rewritten_together_with_its_leaf_hash_fails_against_the_checkpoint_covering_it()
    {
        var store = await LogAsync();
        var forged = LedgerEntry.Create(23, Sample.Event(23) with { Decision = "allow", Actor = "user:someone-else" });
        store.Overwrite(23, forged);

        var report = await VerifyAsync(store);

        Assert.Equal(LedgerFaultKind.RootMismatch, report.Fault!.Kind);
        Assert.Equal(20, report.Fault.Index);
        Assert.Contains("[20, 30)", report.Fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_reordered_and_inserted_entries_are_named()
    {
        var deleted = await CopyWithAsync(await LogAsync(), entries => entries.RemoveAt(12));
        var reordered = await CopyWithAsync(await LogAsync(), entries => (entries[5], entries[6]) = (entries[6], entries[5]));
        var inserted = await CopyWithAsync(await LogAsync(), entries => entries.Insert(8, LedgerEntry.Create(8, Sample.Event(999))));

        Assert.Equal(12, (await VerifyAsync(deleted)).Fault!.Index);
        Assert.Equal(5, (await VerifyAsync(reordered)).Fault!.Index);
        Assert.Equal(9, (await VerifyAsync(inserted)).Fault!.Index);
    }

    [Fact]
    public async Task Entries_cut_off_after_a_checkpoint_are_reported_missing()
    {
        var truncated = await CopyWithAsync(await LogAsync(), entries => entries.RemoveRange(35, 5));

        var report = await VerifyAsync(truncated);

        Assert.Equal(LedgerFaultKind.EntriesMissing, report.Fault!.Kind);
        Assert.Equal(35, report.Fault.Index);
    }

    [Fact]
    public async Task Forged_checkpoint_is_refused()
    {
        var store = await LogAsync();
        using var impostor = NoteSigningKey.Generate(_key.Name);
        var fake = new Checkpoint(_key.Name, 40, MerkleHash.Leaf("fake"u8));
        await store.AddCheckpointAsync(new StoredCheckpoint(40, SignedCheckpoint.Sign(fake, impostor).Format()), CancellationToken.None);

        var report = await VerifyAsync(store);

        Assert.Equal(LedgerFaultKind.CheckpointInvalid, report.Fault!.Kind);
        Assert.Null(report.Fault.Index);
    }

    [Fact]
    public async Task Two_signed_checkpoints_of_one_size_with_different_roots_are_reported()
    {
        var store = await LogAsync();
        var other = new Checkpoint(_key.Name, 20, MerkleHash.Leaf("other"u8));
        await store.AddCheckpointAsync(new StoredCheckpoint(20, SignedCheckpoint.Sign(other, _key).Format()), CancellationToken.None);

        var report = await VerifyAsync(store);

        Assert.Equal(LedgerFaultKind.CheckpointsInconsistent, report.Fault!.Kind);
    }

    [Fact]
    public async Task Flipping_a_byte_of_entry_k_in_an_export_names_index_k()
    {
        var folder = Sample.TempFolder();
        await LedgerExport.WriteAsync(await LogAsync(), _key.VerifierKey, [], folder, CancellationToken.None);
        var path = Path.Combine(folder, FileLedgerStore.EntriesFile);
        var lines = File.ReadAllLines(path);
        lines[26] = lines[26].Replace("allow", "allox", StringComparison.Ordinal).Replace("deny", "denx", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var report = await LedgerExport.VerifyAsync(folder, _key.VerifierKey, CancellationToken.None);

        Assert.Equal(26, report.Fault!.Index);
        Assert.Equal(LedgerFaultKind.EntryChanged, report.Fault.Kind);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool Every_single_byte_edit_of_an_exported_entries_file_is_detected(int position, byte xor)
    {
        var folder = ExportFolder.Value;
        var original = File.ReadAllBytes(Path.Combine(folder, FileLedgerStore.EntriesFile));
        var copy = Sample.TempFolder();
        CopyFolder(folder, copy);
        var bytes = (byte[])original.Clone();
        var at = (int)((uint)position % (uint)bytes.Length);
        bytes[at] ^= xor == 0 ? (byte)1 : xor;
        File.WriteAllBytes(Path.Combine(copy, FileLedgerStore.EntriesFile), bytes);

        var report = LedgerExport.VerifyAsync(copy, ExportKey.VerifierKey, CancellationToken.None).GetAwaiter().GetResult();
        var line = original.AsSpan(0, at).Count((byte)'\n');
        Directory.Delete(copy, recursive: true);
        // Detected, and named at the edited line (or the line before, when the edit hit its newline and merged two lines).
        return report.Fault is { Index: { } index } && (index == line || (original[at] == '\n' && index == line));
    }

    private static readonly NoteSigningKey ExportKey = NoteSigningKey.Generate("liaison.test/export");

    private static readonly Lazy<string> ExportFolder = new(() =>
    {
        var store = new InMemoryLedgerStore();
        using (Sample.SignedLogAsync(store, ExportKey, 25, 10).GetAwaiter().GetResult())
        {
        }
        var folder = Sample.TempFolder();
        LedgerExport.WriteAsync(store, ExportKey.VerifierKey, [], folder, CancellationToken.None).GetAwaiter().GetResult();
        return folder;
    });

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<InMemoryLedgerStore> CopyWithAsync(InMemoryLedgerStore source, Action<List<LedgerEntry>> edit)
    {
        var entries = await source.ReadRangeAsync(0, long.MaxValue, CancellationToken.None).ToListAsync();
        edit(entries);
        var copy = new RawStore(entries);
        await foreach (var c in source.ReadCheckpointsAsync(CancellationToken.None))
        {
            await copy.AddCheckpointAsync(c, CancellationToken.None);
        }
        return copy.Inner;
    }

    /// <summary>Plays the attacker with database access: writes entries as given, without the store's sequence checks.</summary>
    private sealed class RawStore
    {
        public RawStore(List<LedgerEntry> entries)
        {
            Inner = new InMemoryLedgerStore();
            // Append honestly numbered placeholders, then overwrite each position with the attacker's row.
            Inner.AppendAsync([.. entries.Select((e, i) => e with { Index = i })], CancellationToken.None).GetAwaiter().GetResult();
            for (var i = 0; i < entries.Count; i++)
            {
                Inner.Overwrite(i, entries[i]);
            }
        }

        public InMemoryLedgerStore Inner { get; }

        public Task AddCheckpointAsync(StoredCheckpoint c, CancellationToken ct) => Inner.AddCheckpointAsync(c, ct);
    }

    [Fact]
    public void Export_readme_tells_the_reader_how_to_verify()
    {
        var folder = ExportFolder.Value;

        var readme = File.ReadAllText(Path.Combine(folder, LedgerExport.ReadmeFile), Encoding.UTF8);

        Assert.Contains("liaison audit verify --export", readme, StringComparison.Ordinal);
        Assert.Contains(ExportKey.VerifierKey.ToString(), readme, StringComparison.Ordinal);
    }
}
