using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Stats;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Api;

/// <summary>Counts and the journal: no case content, so the DPO and oversight can read them.</summary>
internal static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (RequestGate gate, LiaisonDb db, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadStatistics, subject: "node statistics", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            var stats = await NodeStatistics.ReadAsync(db, ct: ct);
            return Results.Ok(new { records = stats.Records, bySchema = stats.RecordsBySchema, callRecords = stats.CallRecords, cases = stats.Cases, imports = stats.Imports });
        }).WithSummary("Counts per entity type");

        group.MapGet("/audit", async (int? take, RequestGate gate, LiaisonDb db, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadLedger, subject: "journal", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            return Results.Ok(await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct));
        }).WithSummary("The newest journal entries");
        return group;
    }
}
