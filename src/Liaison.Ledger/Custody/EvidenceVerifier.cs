using Liaison.Ledger.Entries;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;

namespace Liaison.Ledger.Custody;

/// <summary>
/// Proves an evidence item: its stored bytes still hash to its name, and — given the ledger — its custody
/// trail is journalled in a log that verifies, every step is covered by a signed checkpoint, and the
/// chain follows the <see cref="CustodyTrail"/> rules.
/// </summary>
public static class EvidenceVerifier
{
    public static async Task<EvidenceReport> VerifyAsync(EvidenceStore evidence, string item, ILedgerStore? ledger, NoteVerifierKey? logKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var hash = await evidence.VerifyAsync(item, cancellationToken);
        if (ledger is null || logKey is null)
        {
            return new EvidenceReport(hash, null, null, []);
        }
        var ledgerReport = await LedgerVerifier.VerifyAsync(ledger, logKey, null, cancellationToken);
        var steps = new List<(long, CustodyEvent)>();
        await foreach (var entry in ledger.ReadRangeAsync(0, long.MaxValue, cancellationToken))
        {
            LedgerEvent e;
            try
            {
                e = entry.Decode();
            }
            catch (MalformedEntryException)
            {
                continue; // The ledger report names it.
            }
            if (CustodyEvent.FromLedgerEvent(e) is { } step && step.Item == hash.Digest)
            {
                steps.Add((entry.Index, step));
            }
        }
        var trail = new CustodyTrail(hash.Digest, steps);
        var problems = trail.Problems().ToList();
        foreach (var (index, _) in steps.Where(s => s.Item1 >= ledgerReport.CheckpointedSize))
        {
            problems.Add($"entry {index}: not yet covered by a signed checkpoint");
        }
        return new EvidenceReport(hash, ledgerReport, trail, problems);
    }
}

/// <summary>The outcome of <see cref="EvidenceVerifier"/>.</summary>
public sealed record EvidenceReport(EvidenceHashCheck Hash, LedgerVerificationReport? Ledger, CustodyTrail? Trail, IReadOnlyList<string> TrailProblems)
{
    /// <summary>The file is intact and, when a ledger was given, the ledger verifies and the trail is sound.</summary>
    public bool IsProven => Hash.IsIntact && (Ledger is null || (Ledger.IsIntact && TrailProblems.Count == 0));

    /// <summary>
    /// The file is not in the store because retention purged it: the trail (sound, in a ledger that
    /// verifies) ends with a <c>purged</c> step. Distinguishes deletion on schedule from a file gone missing.
    /// </summary>
    public bool IsPurged => !Hash.Exists && Trail?.Purge is not null && Ledger is { IsIntact: true } && TrailProblems.Count == 0;
}
