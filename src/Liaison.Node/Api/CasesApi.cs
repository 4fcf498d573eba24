using Liaison.Node.Accounts;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Api;

/// <summary>Cases and their members (need-to-know is case membership).</summary>
internal static class CasesApi
{
    public sealed record CaseSummary(string Id, string Title, string Status, long Records, long CallRecords, string[] Members);
    public sealed record NewCase(string Id, string Title);
    public sealed record NewMember(string UserName);

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext http, LiaisonDb db, AuditJournal audit, CancellationToken ct) =>
        {
            var access = await AccessContext.ForAsync(http.User, db, ct);
            var cases = await db.Cases.AsNoTracking().Where(c => access.Cases.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            var result = new List<CaseSummary>();
            foreach (var c in cases)
            {
                result.Add(new CaseSummary(c.Id, c.Title, c.Status,
                    await db.Records.LongCountAsync(r => r.CaseId == c.Id, ct),
                    await db.CallRecords.LongCountAsync(r => r.CaseId == c.Id, ct),
                    await db.CaseMembers.Where(m => m.CaseId == c.Id).Select(m => m.UserName).ToArrayAsync(ct)));
            }
            await audit.RecordAsync(access.UserName, "cases.list", "permit", ct: ct);
            return Results.Ok(result);
        }).RequireAuthorization(Policies.CaseWork).WithSummary("The cases the caller is a member of");

        group.MapPost("/", async (NewCase request, HttpContext http, LiaisonDb db, TimeProvider clock, AuditJournal audit, CancellationToken ct) =>
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(request.Id ?? "", "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"))
            {
                return Problems.BadRequest("case id must be letters, digits, '.', '_' or '-' (at most 100)");
            }
            var user = http.User.Identity!.Name!;
            if (await db.Cases.AnyAsync(c => c.Id == request.Id, ct))
            {
                return Results.Problem(type: Problems.Base + "conflict", title: "Conflict", detail: $"case '{request.Id}' exists", statusCode: StatusCodes.Status409Conflict);
            }
            db.Cases.Add(new CaseRow { Id = request.Id!, Title = request.Title ?? request.Id!, CreatedAt = clock.GetUtcNow(), CreatedBy = user });
            db.CaseMembers.Add(new CaseMemberRow { CaseId = request.Id!, UserName = user });
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(user, "cases.create", "permit", request.Id, ct: ct);
            return Results.Created($"/api/cases/{request.Id}", new { request.Id });
        }).RequireAuthorization(Policies.OpenCases).WithSummary("Open a case; the caller becomes its first member");

        group.MapPost("/{caseId}/members", async (string caseId, NewMember request, HttpContext http, LiaisonDb db, AuditJournal audit, CancellationToken ct) =>
        {
            var access = await AccessContext.ForAsync(http.User, db, ct);
            if (!access.Cases.Contains(caseId))
            {
                await audit.RecordAsync(access.UserName, "cases.add-member", "deny", caseId, rule: "need-to-know", ct: ct);
                return Problems.NotFound($"case '{caseId}'");
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
            await audit.RecordAsync(access.UserName, "cases.add-member", "permit", caseId, detail: request.UserName, ct: ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ManageCaseMembers).WithSummary("Give a user need-to-know on a case");
        return group;
    }
}
