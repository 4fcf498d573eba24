namespace Liaison.Ledger.Merkle;

/// <summary>The outcome of checking a proof: valid, or invalid with the reason (for logs and alerts).</summary>
public readonly record struct ProofCheck(bool IsValid, string? Failure)
{
    public static ProofCheck Valid { get; } = new(true, null);

    public static ProofCheck Invalid(string reason) => new(false, reason);
}
