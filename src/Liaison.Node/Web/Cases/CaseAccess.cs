using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Web.Sessions;
using Liaison.Storage;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Cases;

/// <summary>
/// How every case page reaches case content: with the purpose the user stated for the case in this
/// session, through <see cref="RequestGate"/> (decided and journalled), answering "not found" both for
/// a case that does not exist and for one the caller has no need to know.
/// </summary>
internal sealed class CaseAccess(RequestGate gate, CasePurposes purposes, LiaisonDb db)
{
    /// <summary>
    /// Decides <paramref name="action"/> on the case. <paramref name="subject"/> names what is looked at
    /// (a record id, a query length, "graph"), never personal data; it goes into the journal.
    /// </summary>
    public async Task<CaseGrant> OpenAsync(string caseId, PolicyAction action, string subject, EntityRecord? record = null, CancellationToken ct = default)
    {
        var purpose = await purposes.GetAsync(caseId);
        if (purpose is null)
        {
            // Nothing is read yet: only whether to offer the purpose form, and the answer for a case the
            // caller may not see is the same as for one that does not exist.
            return await IsVisibleAsync(caseId, ct) ? new CaseGrant(CaseOutcome.NeedsPurpose) : new CaseGrant(CaseOutcome.NotFound);
        }
        var decision = await gate.DecideAsync(action, caseId, purpose, record, subject, ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule switch
            {
                BuiltInRules.NeedToKnow => new CaseGrant(CaseOutcome.NotFound, Decision: decision),
                // The policy was reloaded without this purpose: ask again.
                BuiltInRules.PurposeUnknown => new CaseGrant(CaseOutcome.NeedsPurpose, Decision: decision),
                _ => new CaseGrant(CaseOutcome.Denied, Decision: decision),
            };
        }
        var row = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        return row is null ? new CaseGrant(CaseOutcome.NotFound) : new CaseGrant(CaseOutcome.Permitted, row, purpose, decision);
    }

    /// <summary>Need-to-know only (membership or a policy rule), without reading anything of the case.</summary>
    public async Task<bool> IsVisibleAsync(string caseId, CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        return gate.Engine.VisibleCases(caller).Contains(caseId);
    }

    /// <summary>The cases the caller may see, for the dashboard.</summary>
    public async Task<IReadOnlySet<string>> VisibleCasesAsync(CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        return gate.Engine.VisibleCases(caller);
    }
}
