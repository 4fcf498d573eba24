using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Node.Web.Markings;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Cases;

/// <summary>
/// A page showing content of one case (<c>/cases/{caseId}/…</c>): it opens the case through
/// <see cref="CaseAccess"/> before reading anything, and marks the page with what it shows.
/// </summary>
internal abstract class CasePageModel : PageModel
{
    private readonly CaseAccess _access;
    private CaseGrant? _grant;

    protected CasePageModel(CaseAccess access) => _access = access;

    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = "";

    public CaseRow Case => Grant.Row;

    /// <summary>The purpose stated for this case in the session, under which the page was decided.</summary>
    public string Purpose => Grant.Purpose ?? "";

    /// <summary>Which tab of the case header is current.</summary>
    public abstract string Tab { get; }

    protected CaseGrant Grant => _grant ?? throw new InvalidOperationException("the case was not opened");

    /// <summary>Decides the action; null when permitted, else the result to return (purpose form, not found, denied).</summary>
    protected async Task<IActionResult?> OpenAsync(PolicyAction action, string subject, EntityRecord? record = null, CancellationToken ct = default)
    {
        _grant = await _access.OpenAsync(CaseId, action, subject, record, ct);
        return _grant.IsPermitted ? null : this.Refuse(_grant, CaseId);
    }

    protected void Mark(PageMarking marking) => ViewData["Marking"] = marking;

    public string CasePath(string? rest = null) => "/cases/" + Uri.EscapeDataString(CaseId) + (rest is null ? "" : "/" + rest);
}
