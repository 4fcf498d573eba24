namespace Liaison.Ledger.Verification;

/// <summary>
/// The first problem found. <see cref="Index"/> names the first entry that is wrong, or — for a
/// <see cref="LedgerFaultKind.RootMismatch"/>, where the entries were rewritten together with their
/// hashes — the first entry not covered by an earlier, matching checkpoint (the damage lies in
/// [Index, checkpoint size)). Null when the problem is not in an entry (a forged checkpoint).
/// </summary>
public sealed record LedgerFault(LedgerFaultKind Kind, long? Index, string Message)
{
    public override string ToString() => Index is { } i ? $"entry {i}: {Message}" : Message;
}
