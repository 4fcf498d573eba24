using System.Text;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;

namespace Liaison.Ledger.Export;

/// <summary>
/// A self-contained copy of a log for an oversight body: a folder in the <see cref="FileLedgerStore"/>
/// layout plus <c>log.vkey</c> (the log's public verifier key), <c>witnesses.vkeys</c> (the witnesses'
/// keys, one per line) and <c>README.txt</c> (how to verify it). Verifying it needs no database and no
/// access to the node.
/// </summary>
public static class LedgerExport
{
    /// <summary>File holding the log's verifier key.</summary>
    public const string LogKeyFile = "log.vkey";
    /// <summary>File holding witness verifier keys, one per line.</summary>
    public const string WitnessKeysFile = "witnesses.vkeys";
    /// <summary>The explanation for the reader.</summary>
    public const string ReadmeFile = "README.txt";

    private const int CopyBatch = 10_000;

    /// <summary>Writes the export of <paramref name="source"/> into <paramref name="folder"/>, which must not exist or be empty.</summary>
    public static async Task WriteAsync(ILedgerStore source, NoteVerifierKey logKey, IReadOnlyCollection<NoteVerifierKey> witnessKeys,
        string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(witnessKeys);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"the export folder '{folder}' is not empty");
        }
        var target = FileLedgerStore.Open(folder, create: true);
        var batch = new List<LedgerEntry>(CopyBatch);
        await foreach (var entry in source.ReadRangeAsync(0, long.MaxValue, cancellationToken))
        {
            batch.Add(entry);
            if (batch.Count == CopyBatch)
            {
                await target.AppendAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        await target.AppendAsync(batch, cancellationToken);
        await foreach (var checkpoint in source.ReadCheckpointsAsync(cancellationToken))
        {
            await target.AddCheckpointAsync(checkpoint, cancellationToken);
        }
        await foreach (var cosignature in source.ReadCosignaturesAsync(cancellationToken))
        {
            await target.AddCosignatureAsync(cosignature, cancellationToken);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, LogKeyFile), logKey + "\n", cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, WitnessKeysFile), witnessKeys.Select(k => k.ToString()), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, ReadmeFile), Readme(logKey), Encoding.UTF8, cancellationToken);
    }

    /// <summary>
    /// Verifies an export folder. <paramref name="pinnedLogKey"/> is the key the reader obtained from the
    /// node out of band; without it the folder's own <c>log.vkey</c> is used, which proves only that the
    /// folder is self-consistent, not who wrote it.
    /// </summary>
    public static async Task<LedgerVerificationReport> VerifyAsync(string folder, NoteVerifierKey? pinnedLogKey, CancellationToken cancellationToken)
    {
        var logKey = pinnedLogKey ?? ReadLogKey(folder);
        var witnessesPath = Path.Combine(folder, WitnessKeysFile);
        var witnesses = File.Exists(witnessesPath)
            ? (await File.ReadAllLinesAsync(witnessesPath, cancellationToken)).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse).ToList()
            : [];
        var store = FileLedgerStore.Open(folder);
        return await LedgerVerifier.VerifyAsync(store, logKey, witnesses, cancellationToken);
    }

    /// <summary>The verifier key stored in the folder.</summary>
    public static NoteVerifierKey ReadLogKey(string folder)
    {
        var path = Path.Combine(folder, LogKeyFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no {LogKeyFile} in '{folder}'", path);
        }
        return NoteVerifierKey.Parse(File.ReadAllText(path).Trim());
    }

    private static string Readme(NoteVerifierKey logKey) => $"""
        Liaison audit ledger export
        ===========================

        This folder is a complete copy of the tamper-evident audit log of the Liaison node
        "{logKey.Name}". Every read, query, share, hit, request transition, policy decision,
        custody step and administrative action of the node is one line of entries.log.

        Files
          entries.log        one entry per line: INDEX <TAB> LEAF-HASH (hex) <TAB> EVENT (canonical JSON)
          checkpoints/       the signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note):
                             origin, number of entries, Merkle root (base64), issue time, signature
          cosignatures.jsonl cosignatures of those checkpoints by witnesses (other agencies' nodes)
          log.vkey           the node's public key: {logKey}
          witnesses.vkeys    the witnesses' public keys

        How to verify
          1. Obtain the node's public key from the agency through a channel you trust (not from this
             folder) and compare it with log.vkey above.
          2. Run:   liaison audit verify --export <this folder> --key '<the key from step 1>'
             It recomputes the RFC 9162 Merkle tree from every entry, checks every checkpoint's
             Ed25519 signature and root, every entry's hash and position, and every witness
             cosignature. Exit code 0 means intact; otherwise it names the first bad entry.
          3. Independent tools can do the same: the leaf hash of a line is
             SHA-256(0x00 || EVENT bytes), interior nodes SHA-256(0x01 || left || right)
             (RFC 9162 section 2.1), and the signatures follow C2SP signed-note.

        What it proves: no entry covered by a signed checkpoint was changed, removed, reordered or
        inserted after the checkpoint was signed, and (with cosignatures) that the witnesses saw the
        same log. Entries after the last checkpoint are not yet committed to.
        The entries name people only by record ids; they contain no case content.
        """;
}
