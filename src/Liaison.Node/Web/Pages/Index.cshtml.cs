using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;
using Liaison.Storage.Requests;
using Liaison.Storage.Federation;

namespace Liaison.Node.Web.Pages;

/// <summary>
/// The dashboard: the cases the user may see with their counts and latest imports, and for those who
/// may read the journal its newest entries; requests of those cases that wait for someone here (approval,
/// validation, an answer to a peer's request, deadlines) and the newest hit/no-hit runs. Cases the user has no need to know are not listed at all.
/// </summary>
internal sealed class IndexModel(RequestGate gate, CaseAccess access, LiaisonDb db, PolicyStore store, TimeProvider clock, Liaison.Storage.Nodes.NodeConfig node) : PageModel
{
    public sealed record CaseSummary(string Id, string Title, string Status, long Records, long CallRecords, DateTimeOffset? LastImport);

    public bool WorksCases { get; private set; }
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<ImportRow> RecentImports { get; private set; } = [];
    public IReadOnlyList<AuditRow>? Journal { get; private set; }
    public IReadOnlyList<RequestRow> WaitingRequests { get; private set; } = [];
    public IReadOnlyList<RequestNoticeRow> Deadlines { get; private set; } = [];
    public IReadOnlyList<HitNoticeRow> RecentRuns { get; private set; } = [];
    public IReadOnlyList<Liaison.Node.Web.Messages.IncomingMessage> NewMessages { get; private set; } = [];

    /// <summary>Request states in which the next step is this node's: approval, validation, or answering a peer.</summary>
    private static readonly string[] OwnDrafts = ["Draft", "AwaitingValidation", "Approved"];
    private static readonly string[] IncomingOpen = ["Sent", "Acknowledged"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        var permissions = store.Current.Permissions;
        // Ask (and journal) only what the roles can be granted at all, so the dashboard of an
        // oversight user does not fill the journal with refusals of things they never asked for.
        if (permissions.GrantingRole(caller.Roles, PolicyAction.Search) is not null && !caller.Has(Role.DataProtectionOfficer))
        {
            WorksCases = await gate.PermissionAsync(PolicyAction.Search, "cases.list", ct: ct);
        }
        if (WorksCases)
        {
            await LoadCasesAsync(ct);
        }
        if (permissions.GrantingRole(caller.Roles, PolicyAction.ReadLedger) is not null
            && (await gate.DecideAsync(PolicyAction.ReadLedger, subject: "journal (dashboard)", ct: ct)).IsPermitted)
        {
            Journal = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(12).ToListAsync(ct);
        }
    }

    private async Task LoadCasesAsync(CancellationToken ct)
    {
        var visible = (await access.VisibleCasesAsync(ct)).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => visible.Contains(c.Id)).ToListAsync(ct);
        var records = await db.Records.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(r => visible.Contains(r.CaseId)).GroupBy(r => r.CaseId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var calls = await db.CallRecords.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(r => visible.Contains(r.CaseId)).GroupBy(r => r.CaseId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var imports = await db.Imports.AsNoTracking().Where(i => visible.Contains(i.CaseId)).ToListAsync(ct);
        var lastImport = imports.GroupBy(i => i.CaseId).ToDictionary(g => g.Key, g => g.Max(i => i.ImportedAt));
        Cases = cases
            .Select(c => new CaseSummary(c.Id, c.Title, c.Status, records.GetValueOrDefault(c.Id), calls.GetValueOrDefault(c.Id), lastImport.TryGetValue(c.Id, out var at) ? at : null))
            .OrderBy(c => c.Status == "open" ? 0 : 1).ThenByDescending(c => c.LastImport).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        RecentImports = imports.OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id).Take(8).ToList();
        WaitingRequests = await db.Set<RequestRow>().AsNoTracking()
            .Where(r => visible.Contains(r.CaseId)
                && ((r.Direction == RequestDirection.Outgoing && OwnDrafts.Contains(r.State)) || (r.Direction == RequestDirection.Incoming && IncomingOpen.Contains(r.State))))
            .OrderByDescending(r => r.UpdatedAt).Take(10).ToListAsync(ct);
        var open = await db.Set<RequestRow>().AsNoTracking().Where(r => visible.Contains(r.CaseId)).Select(r => r.Id).ToListAsync(ct);
        Deadlines = await db.Set<RequestNoticeRow>().AsNoTracking().Where(n => open.Contains(n.RequestId)).OrderByDescending(n => n.At).Take(5).ToListAsync(ct);
        NewMessages = await Liaison.Node.Web.Messages.IncomingMessages.NewestAsync(db, node.NodeId, visible, 6, ct);
        RecentRuns = await db.Set<HitNoticeRow>().AsNoTracking().Where(n => n.Role == "querier" && visible.Contains(n.CaseId)).OrderByDescending(n => n.Id).Take(5).ToListAsync(ct);
    }
}
