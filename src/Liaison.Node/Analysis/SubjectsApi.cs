using System.Diagnostics.CodeAnalysis;
using Liaison.Analysis.EntityResolution;
using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Validation;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage.Retention;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Resolution;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Analysis;

/// <summary>
/// Entity resolution for the analyst: <c>GET /api/cases/{caseId}/subjects</c> groups the case's
/// persons, phones, e-mails and accounts into subjects, each with the evidence that joined it and the
/// evidence refused; <c>POST …/subjects/decisions</c> records a manual merge or split and
/// <c>POST …/subjects/decisions/{id}/revoke</c> withdraws one. Decisions sit on top of the rules and
/// the clusters are recomputed on every read, so a revocation restores exactly what the rules found.
/// Reading is a search of the case; a decision writes into it and is decided like an import.
/// </summary>
internal static class SubjectsApi
{
    public const int MaxReason = 2000;

    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{caseId}/subjects", async (string caseId, string? purpose, bool? all, RequestGate gate, LiaisonDb db, NodeConfig node, TimeProvider clock, CancellationToken ct) =>
        {
            if (await DecideAsync(gate, PolicyAction.Search, caseId, purpose, "entity resolution", ct) is { } refused)
            {
                return refused;
            }
            var records = await VisibleRecordsAsync(gate, db, caseId, Liaison.Core.Policy.Retention.RetentionDay.Today(clock), ct);
            var rows = await db.Set<ResolutionDecisionRow>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id).ToListAsync(ct);
            var resolver = new EntityResolver(new RecordValidator(new PhoneNumberNormalizer(node.PhoneRegion), clock));
            var result = resolver.Resolve(records, rows.Select(SubjectsView.ToDecision));
            var byId = records.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Schema, g.First().Caption), StringComparer.Ordinal);
            var shown = result.Clusters.Where(c => all == true || !c.IsSingleton).Select(c => SubjectsView.Of(c, byId)).ToArray();
            return Results.Ok(new SubjectsView.Resolution(caseId, records.Count, result.Clusters.Count, shown,
                result.Rejected.Select(r => new SubjectsView.Rejected(r.RecordId, r.Reason)).ToArray(), rows.Select(SubjectsView.Of).ToArray()));
        }).WithSummary("The case's records grouped into subjects, each with the evidence that joined it and the manual decisions in force");

        group.MapPost("/{caseId}/subjects/decisions", async (string caseId, SubjectsView.NewDecision body, RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var kind = body.Kind?.Trim().ToLowerInvariant();
            if (!IsWellFormedDecision(kind, body.RecordA, body.RecordB, body.Reason, out var error))
            {
                return Problems.BadRequest(error);
            }
            if (await DecideAsync(gate, PolicyAction.Import, caseId, body.Purpose, $"resolution {kind} {Clip(body.RecordA)} {Clip(body.RecordB)}", ct) is { } refused)
            {
                return refused;
            }
            foreach (var (field, id) in new[] { ("recordA", body.RecordA), ("recordB", body.RecordB) })
            {
                if (!await db.Records.InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).AnyAsync(r => r.Id == id && r.CaseId == caseId, ct))
                {
                    return Problems.NotFound($"{field}: no record '{Clip(id)}' in case '{caseId}'");
                }
            }
            var row = new ResolutionDecisionRow
            {
                CaseId = caseId, Kind = kind, RecordA = body.RecordA, RecordB = body.RecordB,
                DecidedBy = (await gate.CallerAsync(ct)).UserId, DecidedAt = clock.GetUtcNow(), Reason = body.Reason.Trim(),
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/subjects/decisions/{SubjectsView.IdOf(row)}", SubjectsView.Of(row));
        }).WithSummary("Record a manual merge or split of two records of the case, with the reason");

        group.MapPost("/{caseId}/subjects/decisions/{decisionId}/revoke", async (string caseId, string decisionId, SubjectsView.Revocation? body, string? purpose,
            RequestGate gate, LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await DecideAsync(gate, PolicyAction.Import, caseId, body?.Purpose ?? purpose, $"resolution revoke {Clip(decisionId)}", ct) is { } refused)
            {
                return refused;
            }
            var number = decisionId.StartsWith('d') && long.TryParse(decisionId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
            var row = await db.Set<ResolutionDecisionRow>().FirstOrDefaultAsync(d => d.Id == number && d.CaseId == caseId, ct);
            if (row is null)
            {
                return Problems.NotFound($"no resolution decision '{Clip(decisionId)}' in case '{caseId}'");
            }
            if (row.RevokedAt is not null)
            {
                return TypedResults.Problem(type: Problems.Base + "conflict", title: "Conflict", detail: $"decision '{decisionId}' was already revoked",
                    statusCode: StatusCodes.Status409Conflict);
            }
            row.RevokedAt = clock.GetUtcNow();
            row.RevokedBy = (await gate.CallerAsync(ct)).UserId;
            await db.SaveChangesAsync(ct);
            return Results.Ok(SubjectsView.Of(row));
        }).WithSummary("Withdraw a manual merge or split; the subjects go back to what the rules and the other decisions give");
        return group;
    }

    /// <summary>
    /// Whether a manual merge or split is well formed; if not, <paramref name="error"/> names the field and
    /// the reason. The API and the web Subjects page check the same way. <paramref name="kind"/> is
    /// already trimmed and lower-cased.
    /// </summary>
    internal static bool IsWellFormedDecision([NotNullWhen(true)] string? kind, [NotNullWhen(true)] string? recordA, [NotNullWhen(true)] string? recordB,
        [NotNullWhen(true)] string? reason, [NotNullWhen(false)] out string? error)
    {
        error = kind is not ("merge" or "split") ? "kind: must be 'merge' or 'split'"
            : string.IsNullOrWhiteSpace(recordA) || string.IsNullOrWhiteSpace(recordB) || string.Equals(recordA, recordB, StringComparison.Ordinal)
                ? "recordA, recordB: two different record ids of the case are required"
            : string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReason ? $"reason: say why (1 to {MaxReason} characters); it is kept with the decision"
            : null;
        return error is null;
    }

    /// <summary>The case's records the caller may see (call-detail rows are not subjects and are left out).</summary>
    private static async Task<List<EntityRecord>> VisibleRecordsAsync(RequestGate gate, LiaisonDb db, string caseId, DateOnly today, CancellationToken ct)
    {
        var visibility = gate.Engine.VisibilityFor(await gate.CallerAsync(ct));
        var records = new List<EntityRecord>();
        await foreach (var row in db.Records.AsNoTracking().InForce(today).Where(r => r.CaseId == caseId).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var record = RecordRowMapper.ToRecord(row);
            if (visibility.MaySee(record.Envelope.CaseId))
            {
                records.Add(record);
            }
        }
        return records;
    }

    private static async Task<IResult?> DecideAsync(RequestGate gate, PolicyAction action, string caseId, string? purpose, string subject, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(action, caseId, purpose, subject: subject, ct: ct);
        if (decision.IsPermitted)
        {
            return null;
        }
        return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
