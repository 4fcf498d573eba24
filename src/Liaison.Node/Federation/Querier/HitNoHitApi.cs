using Liaison.Core.Policy;
using Liaison.Matching.Psi;
using Liaison.Node.Api;
using Liaison.Node.Policy;

namespace Liaison.Node.Federation;

/// <summary><c>POST /api/cases/{caseId}/hit-no-hit</c>: an investigator matches the case's identifiers against a peer.</summary>
internal static class HitNoHitApi
{
    /// <param name="Peer">The peer's node id.</param>
    /// <param name="Kinds">Identifier kinds (default phone and email).</param>
    /// <param name="Mode">"intersection" (default: which identifiers hit) or "cardinality" (only how many).</param>
    /// <param name="Offence">Optional offence id, for the peer's policy.</param>
    public sealed record HitNoHitRequest(string? Peer, string? Purpose, string[]? Kinds, string? Mode, string? Offence);

    public static readonly string[] DefaultKinds = ["phone", "email"];

    public static void MapHitNoHitApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{caseId}/hit-no-hit", async (string caseId, HitNoHitRequest body, RequestGate gate, HitNoHitService service, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(body.Peer))
                {
                    return Problems.BadRequest("name the peer to match against (its node id)");
                }
                IReadOnlyList<Core.Model.IdentifierKind> kinds;
                PsiMode mode;
                try
                {
                    kinds = MatchKinds.Parse(body.Kinds is { Length: > 0 } k ? k : DefaultKinds);
                    mode = ParseMode(body.Mode);
                }
                catch (ArgumentException e)
                {
                    return Problems.BadRequest(e.Message);
                }
                var peer = body.Peer.Length <= 64 ? body.Peer : body.Peer[..64];
                var decision = await gate.DecideAsync(PolicyAction.RunMatch, caseId, body.Purpose,
                    subject: $"hit/no-hit with peer {peer} on {string.Join(',', kinds.Select(MatchKinds.NameOf))} ({mode})", ct: ct);
                if (!decision.IsPermitted)
                {
                    return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
                }
                var caller = await gate.CallerAsync(ct);
                try
                {
                    var run = new HitNoHitRun(caller.UserId, caseId, body.Purpose!, peer, kinds, mode, decision.Rule, body.Offence);
                    return Results.Ok(await service.RunAsync(run, ct));
                }
                catch (HitNoHitException e)
                {
                    return FederationProblems.RunFailed(e);
                }
                catch (FederationUnavailableException e)
                {
                    return FederationProblems.Unavailable(e.Message);
                }
            })
            .WithTags("federation")
            .WithSummary("Match the case's identifiers against a peer (private set intersection): which of them the peer also holds, or how many")
            .Produces<HitNoHitResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static PsiMode ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "intersection" => PsiMode.Intersection,
        "cardinality" => PsiMode.CardinalityOnly,
        _ => throw new ArgumentException("mode must be 'intersection' or 'cardinality'"),
    };
}
