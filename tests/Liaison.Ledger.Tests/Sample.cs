using Liaison.Ledger.Appending;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Tests;

/// <summary>Builders for test logs: plausible events and a signed log of a given size.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static LedgerEvent Event(int i) => new()
    {
        Type = (LedgerEventType)(i % 10),
        Actor = $"user:analyst{i % 7}@be.fedpol",
        Case = $"CASE-{i % 13}",
        Purpose = "investigation:art-6",
        Subjects = [$"rec-{i}", $"rec-{i * 31 % 101}"],
        Decision = i % 3 == 0 ? "deny" : "allow",
        Rule = "policy.share.tlp-amber",
        Time = Epoch.AddSeconds(i),
        Detail = new Dictionary<string, string> { ["peer"] = "nl.politie", ["seq"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static NoteSigningKey LogKey(string name = "liaison.test/be.fedpol") => NoteSigningKey.Generate(name);

    /// <summary>Appends <paramref name="count"/> events to <paramref name="store"/> with a checkpoint every <paramref name="checkpointEvery"/> entries and one at the end.</summary>
    public static async Task<LedgerSequencer> SignedLogAsync(ILedgerStore store, NoteSigningKey key, int count, int checkpointEvery)
    {
        var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        for (var start = 0; start < count; start += checkpointEvery)
        {
            var batch = Enumerable.Range(start, Math.Min(checkpointEvery, count - start)).Select(Event).ToList();
            await sequencer.AppendAsync(batch, CancellationToken.None);
            await CheckpointAsync(store, sequencer, key);
        }
        return sequencer;
    }

    public static async Task<SignedCheckpoint> CheckpointAsync(ILedgerStore store, LedgerSequencer sequencer, NoteSigningKey key)
    {
        var head = sequencer.Head;
        var signed = SignedCheckpoint.Sign(new Checkpoint(key.Name, head.Size, head.RootHash, Epoch), key);
        await store.AddCheckpointAsync(new StoredCheckpoint(head.Size, signed.Format()), CancellationToken.None);
        return signed;
    }

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "liaison-ledger-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
