using Liaison.Core.Policy;
using Liaison.Node.Api;
using Liaison.Node.Policy;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The investigator's linkage endpoints: <c>POST /api/cases/{caseId}/linkage</c> uploads the case's persons
/// (as CLKs) to a hub for a named run; <c>GET /api/cases/{caseId}/linkage/{run}</c> fetches this node's
/// share of the result. Both are decided as run-match on the case for the stated purpose, and journalled.
/// </summary>
internal static class LinkageApi
{
    /// <param name="Hub">The hub's node id (a peer of this node).</param>
    /// <param name="Run">The run name the participants agreed.</param>
    /// <param name="Participants">The other participants' node ids (this node is added).</param>
    public sealed record LinkageUploadRequest(string? Hub, string? Run, string[]? Participants, string? Purpose);

    public static void MapLinkageApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId}/linkage", async (string caseId, LinkageUploadRequest body, RequestGate gate, LinkageParticipant participant, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(body.Hub) || string.IsNullOrWhiteSpace(body.Run) || body.Participants is not { Length: > 0 })
                {
                    return Problems.BadRequest("name the hub (node id), the run and the other participants");
                }
                return await RunAsync(gate, caseId, body.Purpose, $"linkage run {Short(body.Run)} at hub {Short(body.Hub)}", (actor, rule) =>
                    participant.UploadAsync(actor, caseId, body.Purpose!, body.Hub, body.Run, body.Participants, rule, ct), ct);
            })
            .WithTags("federation")
            .WithSummary("Upload the case's persons as CLK encodings (computed here with the shared secret) to a linkage hub for a named run")
            .Produces<LinkageReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/cases/{caseId}/linkage/{run}", async (string caseId, string run, string? hub, string? purpose, RequestGate gate, LinkageParticipant participant,
                CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(hub))
                {
                    return Problems.BadRequest("name the hub (query parameter hub)");
                }
                return await RunAsync(gate, caseId, purpose, $"linkage result {Short(run)} from hub {Short(hub)}", (actor, rule) =>
                    participant.ResultAsync(actor, caseId, purpose!, hub, run, rule, ct), ct);
            })
            .WithTags("federation")
            .WithSummary("This case's share of a linkage run: its person records that link, with the peer and the peer's opaque reference, and the score")
            .Produces<LinkageCaseResult>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> RunAsync<T>(RequestGate gate, string caseId, string? purpose, string subject, Func<string, string, Task<T>> action, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.RunMatch, caseId, purpose, subject: subject, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
        }
        var caller = await gate.CallerAsync(ct);
        try
        {
            return Results.Ok(await action(caller.UserId, decision.Rule));
        }
        catch (HitNoHitException e)
        {
            return FederationProblems.RunFailed(e);
        }
        catch (FederationUnavailableException e)
        {
            return FederationProblems.Unavailable(e.Message);
        }
    }

    private static string Short(string value) => value.Length <= 64 ? value : value[..64];
}
