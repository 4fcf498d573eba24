using Liaison.Core.Policy;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Node.Federation;
using Liaison.Node.Policy;
using Liaison.Node.Requests;
using Liaison.Node.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Requests;

/// <summary>
/// The follow-up after a hit, reached from a hit on the case's hit/no-hit page. The hit arrives in a
/// POST body (never in a URL, so it stays out of access logs); the investigator adds the offence and the
/// necessity statement, and the draft names only the matched identifier (checked against the ledger's
/// hit entries by <see cref="FollowUpDrafting"/>).
/// </summary>
internal sealed class FollowUpModel(RequestGate gate, FollowUpDrafting followUps, RequestRulebook rules, NodeFederation federation) : PageModel
{
    [BindProperty] public string CaseId { get; set; } = "";
    [BindProperty] public string Purpose { get; set; } = RequestsApiDefaults.Purpose;
    [BindProperty] public string Peer { get; set; } = "";
    [BindProperty] public string PeerJurisdiction { get; set; } = "";
    [BindProperty] public Guid Session { get; set; }
    [BindProperty] public string Kind { get; set; } = "";
    [BindProperty] public string Value { get; set; } = "";
    [BindProperty] public string OffenceCode { get; set; } = "";
    [BindProperty] public int? MaximumPenaltyYears { get; set; }
    [BindProperty] public string NecessityStatement { get; set; } = "";

    public string? Error { get; private set; }
    public RequestRules Rules => rules.Rules;

    /// <summary>Opens the form from a hit; nothing is stored yet.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.DraftRequest, CaseId, Purpose, subject: "follow-up form for hit session " + Session, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? this.NotFoundPage() : this.DeniedPage(decision);
        }
        PeerJurisdiction = (await federation.Peers.FindAsync(Peer, ct))?.Descriptor.Jurisdiction ?? "";
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.DraftRequest, CaseId, Purpose, subject: "follow-up after hit session " + Session, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? this.NotFoundPage() : this.DeniedPage(decision);
        }
        try
        {
            var opened = await followUps.DraftAsync(new FollowUpBody
            {
                CaseId = CaseId, Purpose = Purpose, Peer = Peer, PeerJurisdiction = PeerJurisdiction, Session = Session,
                Hits = [new HitBody(Kind, Value)], OffenceCode = OffenceCode, MaximumPenaltyYears = MaximumPenaltyYears, NecessityStatement = NecessityStatement,
            }, ct);
            return Redirect("/requests/" + opened.Id);
        }
        catch (Exception e) when (e is ArgumentException or RequestActionDeniedException or InvalidRequestException)
        {
            Error = e.Message;
            Response.StatusCode = e is RequestActionDeniedException ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
