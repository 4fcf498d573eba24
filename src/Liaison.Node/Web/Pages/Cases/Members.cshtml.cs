using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// Who works the case (need-to-know is membership), and adding a colleague: decided as the API's
/// <c>POST /api/cases/{id}/members</c> is, as an import into the case, so only someone who may work
/// the case can widen who sees it.
/// </summary>
internal sealed class MembersModel(CaseAccess access, LiaisonDb db) : CasePageModel(access)
{
    public override string Tab => "members";

    [BindProperty]
    public string? NewMember { get; set; }

    public IReadOnlyList<UserRow> Members { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, "case members", ct: ct) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = (NewMember ?? "").Trim().ToLowerInvariant();
        if (await OpenAsync(PolicyAction.Import, $"add member {(name.Length <= 64 ? name : name[..64])}", ct: ct) is { } refused)
        {
            return refused;
        }
        if (!await db.Users.AnyAsync(u => u.UserName == name, ct))
        {
            Error = $"There is no user '{name}' on this node.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (!await db.CaseMembers.AnyAsync(m => m.CaseId == CaseId && m.UserName == name, ct))
        {
            db.CaseMembers.Add(new CaseMemberRow { CaseId = CaseId, UserName = name });
            await db.SaveChangesAsync(ct);
            Added = name;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == CaseId)
            .Join(db.Users.AsNoTracking(), m => m.UserName, u => u.UserName, (m, u) => u)
            .OrderBy(u => u.UserName).ToListAsync(ct);
}
