using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Api;

/// <summary>
/// Search and read records. Every call states a purpose; results are limited to the caller's cases,
/// and a record outside them answers 404 exactly like one that does not exist.
/// </summary>
internal static class EntitiesApi
{
    public sealed record EntityView(string Id, string Schema, string Caption, string CaseId, string Tlp, string Handling, string Grading,
        string[] Subjects, string OriginAgency, string OriginNode, string LegalBasis, string? ReviewDate, string Provenance,
        IReadOnlyDictionary<string, List<string>>? Properties);

    public static RouteGroupBuilder MapEntitiesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (string? q, string? purpose, string? caseId, HttpContext http, LiaisonDb db, NodeConfig node, AuditJournal audit, CancellationToken ct) =>
        {
            var access = await AccessContext.ForAsync(http.User, db, ct);
            if (PurposeProblem(purpose) is { } denied)
            {
                await audit.RecordAsync(access.UserName, "entities.search", "deny", caseId, purpose, "purpose-required", ct: ct);
                return denied;
            }
            if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
            {
                return Problems.BadRequest("q (1 to 200 characters) is required");
            }
            var cases = caseId is null ? access.Cases : access.Cases.Where(c => c == caseId).ToList();
            var rows = await new RecordSearch(db, new PhoneNumberNormalizer(node.PhoneRegion)).FindAsync(q, cases, 100, ct);
            await audit.RecordAsync(access.UserName, "entities.search", "permit", caseId, purpose, detail: $"{rows.Count} results", ct: ct);
            return Results.Ok(rows.Select(r => View(r, withProperties: false)));
        }).RequireAuthorization(Policies.CaseWork).WithSummary("Search by phone, e-mail, IBAN, document number or name within the caller's cases");

        group.MapGet("/{id}", async (string id, string? purpose, HttpContext http, LiaisonDb db, AuditJournal audit, CancellationToken ct) =>
        {
            var access = await AccessContext.ForAsync(http.User, db, ct);
            if (PurposeProblem(purpose) is { } denied)
            {
                await audit.RecordAsync(access.UserName, "entities.read", "deny", purpose: purpose, rule: "purpose-required", detail: id, ct: ct);
                return denied;
            }
            var row = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (row is null || !access.Cases.Contains(row.CaseId))
            {
                await audit.RecordAsync(access.UserName, "entities.read", "deny", row?.CaseId, purpose, "need-to-know", id, ct);
                return Problems.NotFound($"record '{id}'");
            }
            await audit.RecordAsync(access.UserName, "entities.read", "permit", row.CaseId, purpose, detail: id, ct: ct);
            return Results.Ok(View(row, withProperties: true));
        }).RequireAuthorization(Policies.CaseWork).WithSummary("Read one record with its envelope and provenance");
        return group;
    }

    internal static IResult? PurposeProblem(string? purpose) =>
        purpose is not null && AccessContext.Purposes.Contains(purpose)
            ? null
            : Problems.Denied($"every read of personal data states a purpose: {string.Join(", ", AccessContext.Purposes)}");

    internal static EntityView View(RecordRow row, bool withProperties)
    {
        var record = RecordRowMapper.ToRecord(row);
        var e = record.Envelope;
        return new EntityView(row.Id, row.Schema, row.Caption, row.CaseId, e.Tlp.ToLabel(), e.Handling.ToString(), e.Grading.ToString(),
            e.Subjects.ToList().Split(',', StringSplitOptions.RemoveEmptyEntries), e.OriginAgency, e.OriginNode, e.LegalBasis,
            e.ReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Provenance.Source,
            withProperties ? record.Properties : null);
    }
}
