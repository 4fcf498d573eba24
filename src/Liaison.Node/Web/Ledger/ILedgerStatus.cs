namespace Liaison.Node.Web.Ledger;

/// <summary>
/// What the journal page's "Verify" button runs: <see cref="MerkleLedgerStatus"/>, which recomputes the
/// RFC 9162 Merkle log and checks its signed checkpoints (a host may register another before <c>AddWebUi</c>).
/// </summary>
public interface ILedgerStatus
{
    /// <summary>One line naming what is verified ("plain journal table", "RFC 9162 log, checkpoint signed by …").</summary>
    string Kind { get; }

    Task<LedgerVerification> VerifyAsync(CancellationToken ct);
}

/// <summary>How a verification ended.</summary>
public enum LedgerVerdict
{
    /// <summary>Every entry is covered by a checkpoint whose signature and tree checked out.</summary>
    Verified,
    /// <summary>Something did not check out; <see cref="LedgerVerification.Findings"/> names the entries.</summary>
    Failed,
    /// <summary>There is nothing cryptographic to check (no Merkle log yet).</summary>
    NotVerifiable,
}

/// <summary>
/// The result shown on the journal page: the verdict, a sentence, the number of entries covered, the
/// tree head (root hash and size) when there is one, and findings naming entries — never their content.
/// </summary>
public sealed record LedgerVerification(LedgerVerdict Verdict, string Summary, long Entries, DateTimeOffset CheckedAt)
{
    public string? TreeHead { get; init; }
    public IReadOnlyList<string> Findings { get; init; } = [];
}
