using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Records;

namespace Liaison.Node.Analysis;

/// <summary>
/// Reads a case's records (own and received, call-detail rows as Call events) for analysis, keeping
/// only those the caller may see. For an export, each record must also be allowed to leave the node
/// as a file (TLP:RED of another agency may not), so a refused record is left out of the file rather
/// than the whole export refused. Called after the request itself was decided and journalled.
/// </summary>
internal sealed class CaseNetworks(LiaisonDb db, RequestGate gate, TimeProvider clock)
{
    public async Task<CaseNetwork> LoadAsync(string caseId, string purpose, bool forExport, CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        var visibility = gate.Engine.VisibilityFor(caller);
        var kept = new List<EntityRecord>();
        var withheld = 0;
        await foreach (var record in CaseRecords.ReadAsync(db, caseId, Liaison.Core.Policy.Retention.RetentionDay.Today(clock), ct))
        {
            if (!visibility.MaySee(record.Envelope.CaseId) || (forExport && !MayLeave(caller, caseId, purpose, record)))
            {
                withheld++;
                continue;
            }
            kept.Add(record);
        }
        return CaseNetwork.Of(caseId, kept, withheld);
    }

    private bool MayLeave(Caller caller, string caseId, string purpose, EntityRecord record) =>
        // Call-detail rows carry their import's marking only; the export decision for the case covers them.
        record.Schema == "Call" && record.Envelope.OriginNode == "(import)"
        || gate.Engine.Decide(new AccessRequest { Caller = caller, Action = PolicyAction.Export, CaseId = caseId, Purpose = purpose, Record = record }).IsPermitted;
}
