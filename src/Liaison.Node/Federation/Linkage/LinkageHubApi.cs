using Liaison.Core.Policy;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Federation;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// <c>GET /api/linkage-hub/runs</c>: what the operator of a hub node sees of its runs — state,
/// participants with their CLK counts, links, expiry; never a CLK, a record reference or a score. Node
/// operators (<see cref="PolicyAction.ManagePeers"/>) only, journalled; the same as <c>liaison hub runs</c>.
/// </summary>
internal static class LinkageHubApi
{
    public static void MapLinkageHubApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/linkage-hub/runs", async (RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await gate.PermissionAsync(PolicyAction.ManagePeers, "admin.hub.runs", ct: ct))
                {
                    return Decisions.Denied(PolicyDecision.Deny("permission-matrix", "only node operators see the linkage hub's runs"));
                }
                var now = clock.GetUtcNow();
                var runs = await db.RunSummariesAsync(ct);
                return Results.Ok(runs.Select(r => new LinkageHubRun(r.Run, r.State(now), r.OpenedAt, r.ExpiresAt, r.LinkedAt, r.SchemaFingerprint, r.FilterBits,
                    r.Participants, r.Links, r.Comparisons)));
            })
            .WithTags("federation")
            .WithSummary("The linkage hub's runs for its operator: state, participants and CLK counts, links, expiry (no CLK or record reference)");
}

/// <summary>One run as the hub's operator sees it.</summary>
public sealed record LinkageHubRun(string Run, string State, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LinkedAt, string SchemaFingerprint,
    int FilterBits, IReadOnlyList<LinkageParticipantSummary> Participants, int Links, long Comparisons);
