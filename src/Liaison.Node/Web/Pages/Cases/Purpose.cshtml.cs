using Liaison.Core.Policy;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Sessions;
using Liaison.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// States the purpose of the work on a case before any of its content is shown (a read without a
/// purpose is refused by policy). The choice is journalled and kept for the session.
/// </summary>
internal sealed class PurposeModel(CaseAccess access, CasePurposes purposes, RequestGate gate, PolicyStore store, AuditJournal journal, LiaisonDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    public string Title { get; private set; } = "";
    public string? Current { get; private set; }
    public IReadOnlyList<Liaison.Core.Policy.Purpose> Purposes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.IsVisibleAsync(CaseId, ct) || !await gate.PermissionAsync(PolicyAction.Search, "case.open", CaseId, ct))
        {
            return this.NotFoundPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.IsVisibleAsync(CaseId, ct))
        {
            return this.NotFoundPage();
        }
        if (Purpose is null || !store.Current.Purposes.ContainsKey(Purpose))
        {
            Error = "Choose one of the purposes below.";
            await LoadAsync(ct);
            return Page();
        }
        await purposes.SetAsync(CaseId, Purpose);
        var caller = await gate.CallerAsync(ct);
        await journal.RecordAsync(caller.UserId, "case.purpose", "permit", CaseId, Purpose, "purpose-stated", "purpose stated for this session", ct);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/cases/" + Uri.EscapeDataString(CaseId));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = await db.Cases.AsNoTracking().Where(c => c.Id == CaseId).Select(c => c.Title).FirstOrDefaultAsync(ct) ?? CaseId;
        Current = await purposes.GetAsync(CaseId);
        Purposes = store.Current.Purposes.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }
}
