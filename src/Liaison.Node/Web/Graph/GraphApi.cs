using Liaison.Core.Policy;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Node.Web.Sessions;

namespace Liaison.Node.Web.Graph;

/// <summary>
/// <c>GET /web/cases/{caseId}/graph</c> and <c>/path</c>: the case graph as JSON, decided and journalled
/// like every read. The purpose is the one stated in the browser session, or <c>?purpose=</c> for
/// scripts with an API token.
/// </summary>
internal static class GraphApi
{
    public static RouteGroupBuilder MapGraphApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{caseId}/graph", async (string caseId, string? purpose, RequestGate gate, CasePurposes purposes, CaseGraphBuilder builder, CancellationToken ct) =>
        {
            if (await DecideAsync(caseId, purpose, "graph data", gate, purposes, ct) is { } refused)
            {
                return refused;
            }
            var graph = await builder.BuildAsync(caseId, ct);
            return Results.Text(GraphJson.Serialize(GraphJson.ToDocument(graph, builder.SizeMeasure)), "application/json");
        }).WithTags("web").WithSummary("A case's entities and links for the graph explorer (nodes with degree, size, community)");

        group.MapGet("/{caseId}/path", async (string caseId, string from, string to, string? purpose, RequestGate gate, CasePurposes purposes, CaseGraphBuilder builder, CancellationToken ct) =>
        {
            if (await DecideAsync(caseId, purpose, "graph path", gate, purposes, ct) is { } refused)
            {
                return refused;
            }
            var graph = await builder.BuildAsync(caseId, ct);
            var path = GraphPath.Shortest(graph, from, to);
            return Results.Ok(new { path, edges = GraphPath.EdgesAlong(graph, path).Select(e => e.Id) });
        }).WithTags("web").WithSummary("The shortest chain of links between two entities of a case");
        return group;
    }

    private static async Task<IResult?> DecideAsync(string caseId, string? purpose, string subject, RequestGate gate, CasePurposes purposes, CancellationToken ct)
    {
        purpose ??= await purposes.GetAsync(caseId);
        var decision = await gate.DecideAsync(PolicyAction.Search, caseId, purpose, subject: subject, ct: ct);
        if (decision.IsPermitted)
        {
            return null;
        }
        return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
    }
}
