using Liaison.Storage;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Ledger;

/// <summary>
/// The verification available before the Merkle log is wired in: the journal is a plain table that
/// anyone with database access could edit, so this says so, counts the entries and reports gaps in
/// their sequence numbers — a hint of deletion, not a proof either way.
/// </summary>
internal sealed class JournalLedgerStatus(LiaisonDb db, TimeProvider clock) : ILedgerStatus
{
    public string Kind => "plain journal table (no Merkle log wired in yet)";

    public async Task<LedgerVerification> VerifyAsync(CancellationToken ct)
    {
        var count = await db.Audit.LongCountAsync(ct);
        var first = await db.Audit.MinAsync(a => (long?)a.Id, ct);
        var last = await db.Audit.MaxAsync(a => (long?)a.Id, ct);
        var findings = new List<string>();
        if (first is { } f && last is { } l && l - f + 1 != count)
        {
            findings.Add($"entry numbers run from #{f} to #{l} but there are {count} entries: {l - f + 1 - count} numbers are missing (deleted entries or rolled-back transactions)");
        }
        return new LedgerVerification(LedgerVerdict.NotVerifiable,
            $"The journal holds {count} entries (#{first ?? 0} to #{last ?? 0}). It is not yet a tamper-evident log, so there is no signature or hash chain to check.",
            count, clock.GetUtcNow())
        {
            Findings = findings,
        };
    }
}
