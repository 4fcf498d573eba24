using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Stats;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Api;

/// <summary>Counts only — no case content — so supervisors, analysts and the DPO can read them.</summary>
internal static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext http, LiaisonDb db, AuditJournal audit, CancellationToken ct) =>
        {
            var stats = await NodeStatistics.ReadAsync(db, ct: ct);
            await audit.RecordAsync(http.User.Identity!.Name!, "stats.read", "permit", ct: ct);
            return Results.Ok(new { records = stats.Records, bySchema = stats.RecordsBySchema, callRecords = stats.CallRecords, cases = stats.Cases, imports = stats.Imports });
        }).RequireAuthorization(Policies.NodeStatistics).WithSummary("Counts per entity type");

        group.MapGet("/audit", async (int? take, HttpContext http, LiaisonDb db, AuditJournal audit, CancellationToken ct) =>
        {
            var rows = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
            await audit.RecordAsync(http.User.Identity!.Name!, "audit.read", "permit", ct: ct);
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.Oversight).WithSummary("The newest journal entries (DPO and admin)");
        return group;
    }
}
