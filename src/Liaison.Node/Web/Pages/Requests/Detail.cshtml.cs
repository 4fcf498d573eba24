using Liaison.Core.Policy;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Exchange.Delivery;
using Liaison.Node.Federation;
using Liaison.Node.Policy;
using Liaison.Node.Requests;
using Liaison.Node.Web.Cases;
using Liaison.Storage.Nodes;
using Liaison.Storage.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Requests;

/// <summary>
/// One request: what it asks, its history and approvals, the provider's screening, the evidence, and the
/// actions the user's role may take in its state. Each action is decided by the gate and the workflow as
/// the API's is; a refusal is shown on the page with the reason.
/// </summary>
internal sealed class DetailModel(RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node) : PageModel
{
    public RequestView View { get; private set; } = null!;
    public Caller Caller { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? RefusalReason { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public bool IsIncoming => View.Direction == RequestDirection.Incoming;
    public bool Holds(Role role) => Caller.Has(role);
    public DataAccessRequest Item => View.Request;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, PolicyAction.ReadRecord, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct) =>
        ActAsync(id, PolicyAction.ApproveRequest, "approved", ct, async r => r.State == RequestState.AwaitingValidation
            ? service.Workflow.Validate(r, await ActorAsync(RequestRole.DesignatedAuthority, ct), Text)
            : service.Workflow.Approve(r, await ActorAsync(RequestRole.Supervisor, ct), Text));

    public Task<IActionResult> OnPostSendAsync(string id, CancellationToken ct) =>
        ActAsync(id, PolicyAction.DraftRequest, "sent", ct, async r => service.Workflow.Send(r, await ActorAsync(RequestRole.LiaisonOfficer, ct)));

    public Task<IActionResult> OnPostAcknowledgeAsync(string id, CancellationToken ct) =>
        ActAsync(id, PolicyAction.RespondRequest, "acknowledged", ct, async r => service.Workflow.Acknowledge(r, await ActorAsync(RequestsApi.AnswerRole(r), ct)));

    public Task<IActionResult> OnPostRefuseAsync(string id, CancellationToken ct) =>
        ActAsync(id, PolicyAction.RespondRequest, "refused", ct, async r => service.Workflow.Refuse(r, await ActorAsync(RequestsApi.AnswerRole(r), ct),
            DraftBody.Parse<RefusalReason>(RefusalReason, "refusalReason"), Text ?? ""));

    public Task<IActionResult> OnPostWithdrawAsync(string id, CancellationToken ct) =>
        ActAsync(id, PolicyAction.DraftRequest, "withdrawn", ct, async r => service.Workflow.Withdraw(r,
            await ActorAsync(RequestRole.Investigator, ct, RequestRole.Supervisor, RequestRole.LiaisonOfficer), Text ?? ""));

    public async Task<IActionResult> OnPostFulfilAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, PolicyAction.RespondRequest, ct) is { } refused)
        {
            return refused;
        }
        if (Evidence is null || Evidence.Length == 0)
        {
            return Fail("Choose the evidence file to send.", StatusCodes.Status422UnprocessableEntity, id);
        }
        using var buffer = new MemoryStream();
        await Evidence.CopyToAsync(buffer, ct);
        try
        {
            var actor = await ActorAsync(RequestsApi.AnswerRole(Item), ct);
            await service.FulfilAsync(id, actor, partly: false, null,
                [new EvidenceUpload(Path.GetFileName(Evidence.FileName), string.IsNullOrWhiteSpace(Evidence.ContentType) ? "application/octet-stream" : Evidence.ContentType, buffer.ToArray())],
                RequestsApiDefaults.Purpose, ct);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return Fail(e.Message, StatusOf(e), id);
        }
        return Redirect($"/requests/{id}?done=fulfilled");
    }

    private async Task<IActionResult> ActAsync(string id, PolicyAction action, string done, CancellationToken ct, Func<DataAccessRequest, Task<RequestStep>> step)
    {
        if (await LoadAsync(id, action, ct) is { } refused)
        {
            return refused;
        }
        try
        {
            var prepared = await step(Item);
            await service.ActAsync(id, RequestsApiDefaults.Purpose, _ => prepared, ct);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return Fail(e.Message, StatusOf(e), id);
        }
        return Redirect($"/requests/{id}?done={done}");
    }

    private async Task<IActionResult?> LoadAsync(string id, PolicyAction action, CancellationToken ct)
    {
        var loaded = await service.Store.LoadAsync(id, ct);
        if (loaded is null)
        {
            await gate.PermissionAsync(action, "request (not held here)", ct: ct);
            return this.NotFoundPage();
        }
        var decision = await gate.DecideAsync(action, loaded.Value.Row.CaseId, RequestsApiDefaults.Purpose, subject: "request " + id, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? this.NotFoundPage() : this.DeniedPage(decision);
        }
        Caller = await gate.CallerAsync(ct);
        View = RequestView.Of(loaded.Value.Row, loaded.Value.Request, await service.Store.PackagesAsync(id, ct));
        Done = Request.Query["done"].FirstOrDefault() is { Length: <= 20 } d ? d : null;
        return null;
    }

    private IActionResult Fail(string message, int status, string id)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private Task<RequestActor> ActorAsync(RequestRole role, CancellationToken ct, params RequestRole[] alternatives) =>
        RequestsApi.ActorAsync(gate, rules, node, role, ct, alternatives);

    private static bool IsRefusal(Exception e) => e is RequestActionDeniedException or IllegalTransitionException or InvalidRequestException or ArgumentException
        or ScreeningObjectionException or RequestChangedException or MessageTransportException or FederationUnavailableException;

    private static int StatusOf(Exception e) => e switch
    {
        RequestActionDeniedException => StatusCodes.Status403Forbidden,
        IllegalTransitionException or ScreeningObjectionException or RequestChangedException or MessageTransportException => StatusCodes.Status409Conflict,
        FederationUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
