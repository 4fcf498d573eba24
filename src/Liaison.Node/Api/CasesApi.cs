using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Api;

/// <summary>Cases and their members (need-to-know is case membership).</summary>
internal static class CasesApi
{
    public sealed record CaseSummary(string Id, string Title, string Status, long Records, long CallRecords, string[] Members);
    public sealed record NewCase(string Id, string Title);
    public sealed record NewMember(string UserName, string Purpose);

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!await gate.PermissionAsync(PolicyAction.Search, "cases.list", ct: ct))
            {
                return Decisions.Denied(PolicyDecision.Deny("permission-matrix", "no role of the caller works on cases"));
            }
            var caller = await gate.CallerAsync(ct);
            var cases = await db.Cases.AsNoTracking().Where(c => caller.Cases.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            var result = new List<CaseSummary>();
            var today = Liaison.Core.Policy.Retention.RetentionDay.Today(clock);
            foreach (var c in cases)
            {
                result.Add(new CaseSummary(c.Id, c.Title, c.Status,
                    await db.Records.InForce(today).LongCountAsync(r => r.CaseId == c.Id, ct),
                    await db.CallRecords.InForce(today).LongCountAsync(r => r.CaseId == c.Id, ct),
                    await db.CaseMembers.Where(m => m.CaseId == c.Id).Select(m => m.UserName).ToArrayAsync(ct)));
            }
            return Results.Ok(result);
        }).WithSummary("The cases the caller is a member of");

        group.MapPost("/", async (NewCase request, RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(request.Id ?? "", "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"))
            {
                return Problems.BadRequest("case id must be letters, digits, '.', '_' or '-' (at most 100)");
            }
            if (!await gate.PermissionAsync(PolicyAction.Import, "cases.create", request.Id, ct))
            {
                return Decisions.Denied(PolicyDecision.Deny("permission-matrix", "no role of the caller may open a case"));
            }
            if (await db.Cases.AnyAsync(c => c.Id == request.Id, ct))
            {
                return Results.Problem(type: Problems.Base + "conflict", title: "Conflict", detail: $"case '{request.Id}' exists", statusCode: StatusCodes.Status409Conflict);
            }
            var user = (await gate.CallerAsync(ct)).UserId;
            db.Cases.Add(new CaseRow { Id = request.Id!, Title = request.Title ?? request.Id!, CreatedAt = clock.GetUtcNow(), CreatedBy = user });
            db.CaseMembers.Add(new CaseMemberRow { CaseId = request.Id!, UserName = user });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/cases/{request.Id}", new { request.Id });
        }).WithSummary("Open a case; the caller becomes its first member");

        group.MapPost("/{caseId}/members", async (string caseId, NewMember request, RequestGate gate, LiaisonDb db, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.Import, caseId, request.Purpose, subject: "add member", ct: ct);
            if (!decision.IsPermitted)
            {
                return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
            }
            if (!await db.Users.AnyAsync(u => u.UserName == request.UserName, ct))
            {
                return Problems.BadRequest($"no user '{request.UserName}'");
            }
            if (!await db.CaseMembers.AnyAsync(m => m.CaseId == caseId && m.UserName == request.UserName, ct))
            {
                db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = request.UserName });
                await db.SaveChangesAsync(ct);
            }
            return Results.NoContent();
        }).WithSummary("Give a user need-to-know on a case");
        return group;
    }
}
