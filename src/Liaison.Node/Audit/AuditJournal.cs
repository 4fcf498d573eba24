using Liaison.Storage;
using Liaison.Storage.Rows;

namespace Liaison.Node.Audit;

/// <summary>
/// Journals every access decision — who, what, which case, which purpose, permitted or denied and by
/// which rule. Written in the same unit of work as the business change where there is one.
/// </summary>
public sealed class AuditJournal(LiaisonDb db, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string decision, string? caseId = null, string? purpose = null, string? rule = null, string? detail = null, CancellationToken ct = default)
    {
        db.Audit.Add(new AuditRow { At = clock.GetUtcNow(), Actor = actor, Action = action, Decision = decision, CaseId = caseId, Purpose = purpose, Rule = rule, Detail = detail });
        await db.SaveChangesAsync(ct);
    }
}
