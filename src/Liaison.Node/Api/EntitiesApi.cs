using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Api;

/// <summary>
/// Search and read records. Every call states a case and a purpose and is decided by the policy
/// engine; a record the caller may not see answers 404 exactly like one that does not exist.
/// </summary>
internal static class EntitiesApi
{
    public sealed record EntityView(string Id, string Schema, string Caption, string CaseId, string Tlp, string Handling, string Grading,
        string[] Subjects, string OriginAgency, string OriginNode, string LegalBasis, string? ReviewDate, string Provenance,
        IReadOnlyDictionary<string, List<string>>? Properties);

    public static RouteGroupBuilder MapEntitiesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (string? q, string? caseId, string? purpose, RequestGate gate, LiaisonDb db, NodeConfig node, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
            {
                return Problems.BadRequest("q (1 to 200 characters) is required");
            }
            var decision = await gate.DecideAsync(PolicyAction.Search, caseId, purpose, subject: $"query of {q.Length} characters", ct: ct);
            if (!decision.IsPermitted)
            {
                return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
            }
            var rows = await new RecordSearch(db, new PhoneNumberNormalizer(node.PhoneRegion), RetentionDay.Today(clock)).FindAsync(q, [caseId!], 100, ct);
            return Results.Ok(rows.Select(r => View(r, withProperties: false)));
        }).WithSummary("Search a case by phone, e-mail, IBAN, document number or name (case and purpose required)");

        group.MapGet("/{id}", async (string id, string? purpose, RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        {
            // A received copy's id is "{origin node}/{record id}": clients send the slash as %2F, which the
            // server leaves encoded in a route value (it would otherwise split the path).
            id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            // A record past its review date is as missing as one never held.
            var row = await db.Records.AsNoTracking().InForce(RetentionDay.Today(clock)).FirstOrDefaultAsync(r => r.Id == id, ct);
            var record = row is null ? null : RecordRowMapper.ToRecord(row);
            var decision = await gate.DecideAsync(PolicyAction.ReadRecord, row?.CaseId, purpose, record, subject: $"record {id}", ct: ct);
            if (row is null || !decision.IsPermitted)
            {
                // Unknown record and no need-to-know look the same; a missing purpose is the caller's to fix.
                return row is not null && decision.Rule is BuiltInRules.PurposeRequired or BuiltInRules.PurposeUnknown or BuiltInRules.PermissionMatrix or BuiltInRules.OversightNeverReadsContent
                    ? Decisions.Denied(decision)
                    : Decisions.DeniedRead($"record '{id}'");
            }
            return Results.Ok(View(row, withProperties: true));
        }).WithSummary("Read one record with its envelope and provenance (purpose required)");
        return group;
    }

    internal static EntityView View(RecordRow row, bool withProperties)
    {
        var record = RecordRowMapper.ToRecord(row);
        var e = record.Envelope;
        return new EntityView(row.Id, row.Schema, row.Caption, row.CaseId, e.Tlp.ToLabel(), e.Handling.ToString(), e.Grading.ToString(),
            SubjectCategoriesExtensions.ToList(e.Subjects).Split(',', StringSplitOptions.RemoveEmptyEntries), e.OriginAgency, e.OriginNode, e.LegalBasis,
            e.ReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Provenance.Source,
            withProperties ? record.Properties : null);
    }
}
