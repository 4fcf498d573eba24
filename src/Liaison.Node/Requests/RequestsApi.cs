using Liaison.Core.Policy;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Statistics;
using Liaison.Core.Requests.Workflow;
using Liaison.Ledger.Custody;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage.Nodes;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// <c>/api/requests</c>: drafting, approval, sending and answering data-access requests, their evidence and
/// the transparency statistics. Each handler asks <see cref="RequestGate"/> first (case, purpose, role —
/// journalled), then the request workflow (the request's own rules), and journals the transition.
/// </summary>
internal static partial class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithSummary("Requests of the cases the caller may see (no targets or statements in the list)");
        group.MapPost("/", DraftAsync).WithSummary("Open a draft request (investigator)");
        group.MapPost("/follow-up", FollowUpAsync).WithSummary("Draft a follow-up after a hit, naming the matched identifiers only");
        group.MapGet("/statistics", StatisticsAsync).WithSummary("Transparency statistics: counts only, no case content");
        group.MapGet("/statistics.csv", StatisticsCsvAsync).WithSummary("Transparency statistics as RFC 4180 CSV");
        group.MapGet("/{id}", GetAsync).WithSummary("One request with its history, screening and evidence");
        group.MapPut("/{id}", ReviseAsync).WithSummary("Revise a draft (investigator)");
        group.MapPost("/{id}/submit", SubmitAsync).WithSummary("Check a draft is complete and ready for approval");
        group.MapPost("/{id}/approve", ApproveAsync).WithSummary("Approve (supervisor) or validate (designated authority) a request");
        group.MapPost("/{id}/send-back", SendBackAsync).WithSummary("Send an approved or awaiting request back to draft, with a reason");
        group.MapPost("/{id}/send", SendAsync).WithSummary("Send an approved request to its addressee's node (liaison officer)");
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).WithSummary("Acknowledge an incoming request (addressee)");
        group.MapPost("/{id}/clarify", ClarifyAsync).WithSummary("Ask for clarification (addressee) or answer it (requester)");
        group.MapPost("/{id}/respond", RespondAsync).WithSummary("Fulfil with an evidence package, fulfil partly, or refuse with a reason code (addressee)");
        group.MapPost("/{id}/withdraw", WithdrawAsync).WithSummary("Withdraw a request, with a reason");
        group.MapGet("/{id}/evidence/{sha256}", EvidenceFileAsync).WithSummary("Download one evidence file (journalled as custody 'accessed')");
        return group;
    }

    private static async Task<IResult> ListAsync(string? purpose, string? caseId, RequestGate gate, RequestService service, CancellationToken ct)
    {
        if (caseId is not null)
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: "requests of the case", ct: ct);
            if (!decision.IsPermitted)
            {
                return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
            }
            return RequestResults.Json((await service.Store.OfCasesAsync([caseId], ct)).Select(RequestSummary.Of).ToList());
        }
        if (!await gate.PermissionAsync(PolicyAction.ReadRecord, "requests.list", ct: ct))
        {
            return TypedResults.Problem(type: Problems.Base + "policy-denied", title: "Denied by policy", detail: "no role of the caller may read requests", statusCode: 403);
        }
        var caller = await gate.CallerAsync(ct);
        var rows = await service.Store.AllAsync(ct);
        var visible = rows.Select(r => r.CaseId).Distinct(StringComparer.Ordinal)
            .Where(c => gate.Engine.Decide(new AccessRequest { Caller = caller, Action = PolicyAction.ReadRecord, CaseId = c, Purpose = purpose ?? DefaultPurpose }).IsPermitted)
            .ToHashSet(StringComparer.Ordinal);
        return RequestResults.Json(rows.Where(r => visible.Contains(r.CaseId)).OrderByDescending(r => r.UpdatedAt).Select(RequestSummary.Of).ToList());
    }

    /// <summary>The purpose assumed for listing when none is stated: the one every request is for.</summary>
    public const string DefaultPurpose = "criminal-investigation";

    private static async Task<IResult> DraftAsync(DraftBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.DraftRequest, body.CaseId, body.Purpose, subject: "new request", ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{body.CaseId}'") : Decisions.Denied(decision);
        }
        return await RequestResults.Guard(async () =>
        {
            var draft = body.ToRequest(RequestIds.New(node.NodeId), node);
            var actor = RequestActors.For(await gate.CallerAsync(ct), node.NodeId, rules.Settings, RequestRole.Investigator);
            var opened = await service.DraftAsync(draft, actor, body.Purpose, ct);
            return RequestResults.Json(opened, StatusCodes.Status201Created);
        });
    }

    private static Task<IResult> GetAsync(string id, string? purpose, RequestGate gate, RequestService service, CancellationToken ct) =>
        OnRequest(id, purpose, PolicyAction.ReadRecord, gate, service, ct, async (row, request) =>
            RequestResults.Json(RequestView.Of(row, request, await service.Store.PackagesAsync(id, ct))));

    private static Task<IResult> ReviseAsync(string id, DraftBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.DraftRequest, gate, service, ct, async (row, request) =>
        {
            if (!string.Equals(body.CaseId.Trim(), request.CaseId, StringComparison.Ordinal))
            {
                return Problems.BadRequest($"request '{id}', field 'caseId': a request stays in the case it was opened in ('{request.CaseId}')");
            }
            var actor = await ActorAsync(gate, rules, node, RequestRole.Investigator, ct);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Revise(r, body.ToRequest(id, node), actor), ct));
        });

    private static Task<IResult> SubmitAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.DraftRequest, gate, service, ct, (row, request) =>
        {
            if (request.State != RequestState.Draft)
            {
                throw new IllegalTransitionException(id, request.State, RequestAction.Approve);
            }
            new Core.Requests.Validation.DataAccessRequestValidator(rules.Rules).EnsureValid(request);
            return Task.FromResult<IResult>(RequestResults.Json(new { id, state = request.State.ToString(), ready = true }));
        });

    private static Task<IResult> ApproveAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.ApproveRequest, gate, service, ct, async (row, request) =>
        {
            if (request.State == RequestState.AwaitingValidation)
            {
                var authority = await ActorAsync(gate, rules, node, RequestRole.DesignatedAuthority, ct);
                return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Validate(r, authority, body.Text), ct));
            }
            var supervisor = await ActorAsync(gate, rules, node, RequestRole.Supervisor, ct);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Approve(r, supervisor, body.Text), ct));
        });

    private static Task<IResult> SendBackAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.ApproveRequest, gate, service, ct, async (row, request) =>
        {
            var actor = await ActorAsync(gate, rules, node, request.State == RequestState.AwaitingValidation ? RequestRole.DesignatedAuthority : RequestRole.Supervisor, ct);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.SendBack(r, actor, body.Text ?? ""), ct));
        });

    private static Task<IResult> SendAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.DraftRequest, gate, service, ct, async (row, request) =>
        {
            var actor = await ActorAsync(gate, rules, node, RequestRole.LiaisonOfficer, ct);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Send(r, actor), ct));
        });

    private static Task<IResult> AcknowledgeAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.RespondRequest, gate, service, ct, async (row, request) =>
        {
            var actor = await ActorAsync(gate, rules, node, AnswerRole(request), ct);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Acknowledge(r, actor), ct));
        });

    private static async Task<IResult> ClarifyAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct)
    {
        var incoming = (await service.Store.FindAsync(id, ct))?.Direction == RequestDirection.Incoming;
        return await OnRequest(id, body.Purpose, incoming ? PolicyAction.RespondRequest : PolicyAction.DraftRequest, gate, service, ct, async (row, request) =>
        {
            if (incoming)
            {
                var responder = await ActorAsync(gate, rules, node, AnswerRole(request), ct);
                return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.AskClarification(r, responder, body.Text ?? ""), ct));
            }
            var actor = await ActorAsync(gate, rules, node, RequestRole.Investigator, ct, RequestRole.LiaisonOfficer);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.AnswerClarification(r, actor, body.Text ?? ""), ct));
        });
    }

    private static Task<IResult> WithdrawAsync(string id, ActionBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.DraftRequest, gate, service, ct, async (row, request) =>
        {
            var actor = await ActorAsync(gate, rules, node, RequestRole.Investigator, ct, RequestRole.Supervisor, RequestRole.LiaisonOfficer);
            return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Withdraw(r, actor, body.Text ?? ""), ct));
        });

    /// <summary>A provider's compliance team answers for a provider; a liaison officer for an agency.</summary>
    internal static RequestRole AnswerRole(DataAccessRequest request) =>
        request.Addressee.Kind == AddresseeKind.ServiceProvider ? RequestRole.ProviderCompliance : RequestRole.LiaisonOfficer;

    internal static async Task<RequestActor> ActorAsync(RequestGate gate, RequestRulebook rules, NodeConfig node, RequestRole role, CancellationToken ct,
        params RequestRole[] alternatives) =>
        RequestActors.For(await gate.CallerAsync(ct), node.NodeId, rules.Settings, [role, .. alternatives]);

    /// <summary>
    /// Loads the request and asks the gate about its (local) case; a request the caller may not see answers
    /// exactly like one that does not exist.
    /// </summary>
    private static async Task<IResult> OnRequest(string id, string? purpose, PolicyAction action, RequestGate gate, RequestService service, CancellationToken ct,
        Func<RequestRow, DataAccessRequest, Task<IResult>> handler)
    {
        var loaded = await service.Store.LoadAsync(id, ct);
        if (loaded is not { } found)
        {
            await gate.PermissionAsync(action, $"request {Clip(id)} (not held here)", ct: ct);
            return Problems.NotFound($"request '{Clip(id)}'");
        }
        var decision = await gate.DecideAsync(action, found.Row.CaseId, purpose, subject: "request " + id, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? Problems.NotFound($"request '{Clip(id)}'") : Decisions.Denied(decision);
        }
        return await RequestResults.Guard(() => handler(found.Row, found.Request));
    }

    private static string Clip(string s) => s.Length > 120 ? s[..120] : s;
}
