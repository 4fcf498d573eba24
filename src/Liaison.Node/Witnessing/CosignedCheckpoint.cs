using Liaison.Ledger.Notes;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Witnessing;

/// <summary>
/// The node's latest checkpoint as a signed note carrying the log's signature and every peer's
/// cosignature line (a C2SP signed-note with several signatures), so a client that trusts any of the
/// witnesses' keys can check the checkpoint was seen — and found consistent — by that peer.
/// </summary>
public sealed record CosignedCheckpoint(long Size, string SignedNote, IReadOnlyList<CosignedCheckpoint.Cosigner> Cosigners)
{
    public sealed record Cosigner(string Witness, string SignatureLine);

    public static async Task<CosignedCheckpoint?> LatestAsync(NodeLedger ledger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var latest = await ledger.Store.GetLatestCheckpointAsync(ct);
        if (latest is null)
        {
            return null;
        }
        var note = Liaison.Ledger.Notes.SignedNote.Parse(latest.SignedNote);
        await using var db = LiaisonDbFactory.Create(ledger.Node);
        var rows = await db.LedgerCosignatures.AsNoTracking()
            .Where(c => c.TreeSize == latest.TreeSize && c.CheckpointText == note.Text).OrderBy(c => c.Id).ToListAsync(ct);
        var cosigners = new List<Cosigner>();
        foreach (var row in rows)
        {
            if (cosigners.Exists(c => c.Witness == row.WitnessName))
            {
                continue;
            }
            note = note.With(NoteSignature.ParseLine(row.SignatureLine));
            cosigners.Add(new Cosigner(row.WitnessName, row.SignatureLine));
        }
        return new CosignedCheckpoint(latest.TreeSize, note.Format(), cosigners);
    }
}
