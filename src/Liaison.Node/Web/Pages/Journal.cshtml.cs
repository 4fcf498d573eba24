using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Ledger;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages;

/// <summary>
/// The journal for oversight: its newest entries, filtered by who, action, decision or case (under
/// read-ledger), and the "Verify" button (under verify-ledger) that runs <see cref="ILedgerStatus"/>.
/// </summary>
internal sealed class JournalModel(RequestGate gate, LiaisonDb db, ILedgerStatus ledger, PolicyStore store, WitnessingStatus witnessing) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Decision { get; set; }

    [BindProperty(SupportsGet = true, Name = "case")]
    public string? CaseFilter { get; set; }

    public IReadOnlyList<AuditRow>? Entries { get; private set; }
    public long Total { get; private set; }
    public bool MayVerify { get; private set; }
    public string LedgerKind => ledger.Kind;
    public LedgerVerification? Verification { get; private set; }
    public WitnessingStatus.View? Witnessing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(verify: false, ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => await ShowAsync(verify: true, ct);

    private async Task<IActionResult> ShowAsync(bool verify, CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        var permissions = store.Current.Permissions;
        MayVerify = permissions.GrantingRole(caller.Roles, PolicyAction.VerifyLedger) is not null;
        var mayRead = permissions.GrantingRole(caller.Roles, PolicyAction.ReadLedger) is not null;
        if (!MayVerify && !mayRead)
        {
            return this.DeniedPage(await gate.DecideAsync(PolicyAction.ReadLedger, subject: "journal", ct: ct));
        }
        Witnessing = await witnessing.ReadAsync(ct);
        if (verify)
        {
            var decision = await gate.DecideAsync(PolicyAction.VerifyLedger, subject: "verify journal", ct: ct);
            if (!decision.IsPermitted)
            {
                return this.DeniedPage(decision);
            }
            Verification = await ledger.VerifyAsync(ct);
        }
        if (mayRead && (await gate.DecideAsync(PolicyAction.ReadLedger, subject: "journal", ct: ct)).IsPermitted)
        {
            var query = Filter(db.Audit.AsNoTracking());
            Total = await query.LongCountAsync(ct);
            Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
        }
        return Page();
    }

    private IQueryable<AuditRow> Filter(IQueryable<AuditRow> query)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.Actor == Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            query = query.Where(a => a.Action == ActionName.Trim());
        }
        if (Decision is "permit" or "deny")
        {
            query = query.Where(a => a.Decision == Decision);
        }
        if (!string.IsNullOrWhiteSpace(CaseFilter))
        {
            query = query.Where(a => a.CaseId == CaseFilter.Trim());
        }
        return query;
    }
}
