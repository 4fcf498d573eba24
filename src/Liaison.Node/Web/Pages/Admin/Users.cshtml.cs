using Liaison.Core.Policy;
using Liaison.Node.Accounts;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Admin;

/// <summary>The node's users with roles, case memberships and lockout, and a form to add one (manage-users).</summary>
internal sealed class UsersModel(RequestGate gate, LiaisonDb db, UserAccounts accounts, TimeProvider clock) : PageModel
{
    public sealed record UserView(UserRow User, IReadOnlyList<string> Cases, bool Locked);

    [BindProperty]
    public NewUser Input { get; set; } = new();

    /// <summary>The add-user form.</summary>
    public sealed class NewUser
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
    }

    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ManageUsers, subject: "users list", ct: ct);
        if (!decision.IsPermitted)
        {
            return this.DeniedPage(decision);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Input.UserName.Trim();
        var decision = await gate.DecideAsync(PolicyAction.ManageUsers, subject: $"add user {(name.Length <= 64 ? name : name[..64])}", ct: ct);
        if (!decision.IsPermitted)
        {
            return this.DeniedPage(decision);
        }
        try
        {
            var roles = Accounts.Roles.Parse(string.Join(',', Input.Roles));
            await accounts.AddUserAsync(name, string.IsNullOrWhiteSpace(Input.DisplayName) ? name : Input.DisplayName.Trim(), Input.Password, roles, ct);
            Added = name;
            Input = new NewUser();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var members = (await db.CaseMembers.AsNoTracking().ToListAsync(ct)).GroupBy(m => m.UserName)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(m => m.CaseId).Order(StringComparer.Ordinal).ToList());
        var now = clock.GetUtcNow();
        Users = users.Select(u => new UserView(u, members.GetValueOrDefault(u.UserName) ?? [], u.LockedUntil > now)).ToList();
    }
}
