using System.ComponentModel.DataAnnotations;
using Liaison.Core.Policy;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Node.Policy;
using Liaison.Node.Requests;
using Liaison.Node.Web.Cases;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Requests;

/// <summary>
/// The draft form: instrument, offence, targets, period, categories, necessity statement, urgency,
/// confidentiality and addressee. Saved through the same gate and workflow as <c>POST /api/requests</c>;
/// a draft may be incomplete, and is checked in full when submitted or approved.
/// </summary>
internal sealed class NewModel(RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node) : PageModel
{
    [BindProperty] public DraftForm Form { get; set; } = new();

    public string? Error { get; private set; }
    public RequestRules Rules => rules.Rules;

    public IActionResult OnGet(string? caseId)
    {
        Form.CaseId = caseId ?? "";
        Form.MoreTargets = [new()];
        return Page();
    }

    /// <summary>Another empty target row, without scripts: the form comes back as filled in, plus one row. Nothing is saved or read.</summary>
    public IActionResult OnPostAddTarget()
    {
        ModelState.Clear();
        if (Form.MoreTargets.Count < DraftForm.MaxTargets - 1)
        {
            Form.MoreTargets.Add(new());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.DraftRequest, Form.CaseId, Form.Purpose, subject: "new request (web)", ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? this.NotFoundPage() : this.DeniedPage(decision);
        }
        try
        {
            var draft = Form.ToBody().ToRequest(RequestIds.New(node.NodeId), node);
            var actor = RequestActors.For(await gate.CallerAsync(ct), node.NodeId, rules.Settings, RequestRole.Investigator);
            var opened = await service.DraftAsync(draft, actor, Form.Purpose, ct);
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

/// <summary>The fields of the draft form.</summary>
public sealed class DraftForm
{
    [Display(Name = "Case")] public string CaseId { get; set; } = "";
    public string Purpose { get; set; } = RequestsApiDefaults.Purpose;
    public string Type { get; set; } = nameof(RequestType.SubscriberData);
    public string? Instrument { get; set; }
    public string OffenceCode { get; set; } = "";
    public int? MaximumPenaltyYears { get; set; }
    public string TargetKind { get; set; } = nameof(Core.Requests.TargetKind.Phone);
    public string Target { get; set; } = "";
    public string? BelievedLocation { get; set; }
    public string? BelievedNationality { get; set; }

    /// <summary>Targets after the first (a request may name several identifiers, as the API takes them); empty rows are ignored.</summary>
    public List<TargetField> MoreTargets { get; set; } = [];

    /// <summary>How many target rows the form offers at most.</summary>
    public const int MaxTargets = 20;
    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }
    public List<string> Categories { get; set; } = [];
    public string NecessityStatement { get; set; } = "";
    public string Urgency { get; set; } = nameof(Core.Requests.Urgency.Normal);
    public string? EmergencyJustification { get; set; }
    public bool DoNotNotifyUser { get; set; }
    public string AddresseeKind { get; set; } = nameof(Core.Requests.AddresseeKind.ServiceProvider);
    public string AddresseeId { get; set; } = "";
    public string AddresseeJurisdiction { get; set; } = "";
    public string? IssuerName { get; set; }
    public string IssuerCapacity { get; set; } = nameof(AuthorityCapacity.InvestigatingAuthority);

    /// <remarks>The form binder turns an empty field into null whatever the property's type says; a draft may leave fields empty.</remarks>
    public DraftBody ToBody() => new()
    {
        CaseId = CaseId ?? "", Purpose = Purpose ?? "", Type = Type, Instrument = Instrument, OffenceCode = OffenceCode ?? "", MaximumPenaltyYears = MaximumPenaltyYears,
        Targets = [.. (string.IsNullOrWhiteSpace(Target) ? [] : new[] { new TargetBody(TargetKind, Target, BelievedLocation, BelievedNationality) })
            .Concat(MoreTargets.Where(t => !string.IsNullOrWhiteSpace(t.Value)).Take(MaxTargets - 1)
                .Select(t => new TargetBody(t.Kind, t.Value!, Blank(t.BelievedLocation), Blank(t.BelievedNationality))))],
        PeriodFrom = PeriodFrom is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
        PeriodTo = PeriodTo is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).AddDays(1).AddSeconds(-1) : null,
        Categories = Categories, NecessityStatement = NecessityStatement ?? "", Urgency = Urgency, EmergencyJustification = EmergencyJustification,
        DoNotNotifyUser = DoNotNotifyUser, AddresseeKind = AddresseeKind, AddresseeId = AddresseeId ?? "", AddresseeJurisdiction = AddresseeJurisdiction ?? "",
        IssuerName = IssuerName, IssuerCapacity = IssuerCapacity,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One more target row of the draft form.</summary>
public sealed class TargetField
{
    public string Kind { get; set; } = nameof(Core.Requests.TargetKind.Phone);
    public string? Value { get; set; }
    public string? BelievedLocation { get; set; }
    public string? BelievedNationality { get; set; }
}
