using Liaison.Ledger.Custody;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Evidence;

/// <summary>
/// The node's evidence room: files stored content-addressed under <c>&lt;data&gt;/evidence/</c>, the
/// cases that hold them, and every custody step journalled in the ledger as a CASE/UCO-shaped
/// <see cref="CustodyEvent"/> before the step takes effect. A step that would break the chain (see
/// <see cref="CustodyTrail"/>) is refused with <see cref="CustodyRefusedException"/> and not journalled.
/// One per node (custody steps of the node are serialised, so two concurrent steps cannot both pass
/// the chain check against the same state).
/// </summary>
public sealed partial class EvidenceLocker(NodeConfig node, NodeLedger ledger, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _steps = new(1, 1);

    /// <summary>The content-addressed store under the node's data folder.</summary>
    public EvidenceStore Store { get; } = new(FolderOf(node));

    public static string FolderOf(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Path.Combine(node.Directory, "evidence");
    }

    /// <summary>
    /// Stores <paramref name="content"/> and brings it into the case: a <c>collected</c> step, or
    /// <c>received-from</c> when <see cref="EvidenceIntake.ReceivedFrom"/> is set. An item already in
    /// the node's custody (same bytes, another case) is linked to the case with an <c>accessed</c> step.
    /// </summary>
    public async Task<EvidenceItemRow> AddAsync(EvidenceIntake intake, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(content);
        var item = await Store.AddAsync(content, ct);
        await _steps.WaitAsync(ct);
        try
        {
            await using var db = LiaisonDbFactory.Create(node);
            var existing = await db.Set<EvidenceItemRow>().AsNoTracking()
                .FirstOrDefaultAsync(e => e.CaseId == intake.CaseId && e.Digest == item.Digest, ct);
            if (existing is not null)
            {
                return existing;
            }
            var trail = await TrailAsync(item.Digest, ct);
            var held = InCustody(trail);
            var action = intake.ReceivedFrom is not null ? CustodyAction.ReceivedFrom : held ? CustodyAction.Accessed : CustodyAction.Collected;
            var step = new CustodyEvent
            {
                Item = item.Digest,
                Action = action,
                Actor = intake.Actor,
                Time = clock.GetUtcNow(),
                Counterparty = intake.ReceivedFrom,
                Location = intake.Location,
                Case = intake.CaseId,
                Purpose = intake.Purpose,
                Note = action == CustodyAction.Accessed ? $"added to case {intake.CaseId}" : intake.Note,
            };
            var index = await JournalAsync(db, trail, step, ct);
            var row = new EvidenceItemRow
            {
                CaseId = intake.CaseId, Digest = item.Digest, Length = item.Length, FileName = intake.FileName, MediaType = intake.MediaType,
                Tlp = intake.Tlp, AddedBy = intake.Actor, AddedAt = step.Time, LedgerIndex = index,
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            return row;
        }
        finally
        {
            _steps.Release();
        }
    }

    /// <summary>
    /// Journals a custody step on an item the case holds — <c>transferred-to</c>, <c>received-from</c>,
    /// <c>exported</c> (a copy left the node, e.g. in an evidence package), <c>accessed</c> — and returns
    /// its ledger index. <paramref name="step"/>'s time is replaced by the node's clock.
    /// </summary>
    public async Task<long> RecordAsync(CustodyEvent step, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Case is null)
        {
            throw new ArgumentException("a custody step names the case that holds the item", nameof(step));
        }
        var digest = EvidenceDigest.Normalise(step.Item);
        await _steps.WaitAsync(ct);
        try
        {
            await using var db = LiaisonDbFactory.Create(node);
            await RequireHeldAsync(db, step.Case, digest, ct);
            var trail = await TrailAsync(digest, ct);
            return await JournalAsync(db, trail, step with { Item = digest, Time = clock.GetUtcNow() }, ct);
        }
        finally
        {
            _steps.Release();
        }
    }

    /// <summary>Opens an item for reading after journalling the <c>accessed</c> step (so no access goes unrecorded).</summary>
    public async Task<(EvidenceItemRow Item, Stream Content)> OpenAsync(string caseId, string digest, string actor, string? purpose, CancellationToken ct = default)
    {
        digest = EvidenceDigest.Normalise(digest);
        EvidenceItemRow row;
        await using (var db = LiaisonDbFactory.Create(node))
        {
            row = await RequireHeldAsync(db, caseId, digest, ct);
        }
        await RecordAsync(new CustodyEvent { Item = digest, Action = CustodyAction.Accessed, Actor = actor, Time = clock.GetUtcNow(), Case = caseId, Purpose = purpose }, ct);
        var path = Store.PathOf(digest);
        return (row, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }

    /// <summary>The evidence items a case holds, newest first.</summary>
    public async Task<IReadOnlyList<EvidenceItemRow>> ListAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = LiaisonDbFactory.Create(node);
        var rows = await db.Set<EvidenceItemRow>().AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.AddedAt).ThenBy(r => r.Digest, StringComparer.Ordinal)];
    }

    /// <summary>The item as the case holds it, or null.</summary>
    public async Task<EvidenceItemRow?> FindAsync(string caseId, string digest, CancellationToken ct = default)
    {
        digest = EvidenceDigest.Normalise(digest);
        await using var db = LiaisonDbFactory.Create(node);
        return await db.Set<EvidenceItemRow>().AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == caseId && e.Digest == digest, ct);
    }

    public void Dispose() => _steps.Dispose();
}
