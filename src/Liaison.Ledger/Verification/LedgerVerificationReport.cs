namespace Liaison.Ledger.Verification;

/// <summary>The result of <see cref="LedgerVerifier"/>: intact, or the first fault, with what was checked.</summary>
public sealed record LedgerVerificationReport(long EntriesChecked, int CheckpointsChecked, int CosignaturesChecked, LedgerFault? Fault)
{
    public bool IsIntact => Fault is null;

    /// <summary>Size committed to by the latest valid checkpoint (entries beyond it are not yet signed for).</summary>
    public long CheckpointedSize { get; init; }
}
