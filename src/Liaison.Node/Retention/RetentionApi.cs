using System.Globalization;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Node.Api;

namespace Liaison.Node.Retention;

/// <summary>The review list, extensions and purge-now over HTTP, for supervisors and the DPO.</summary>
internal static class RetentionApi
{
    public sealed record OverdueView(string Id, string CaseId, string Schema, string[] Subjects, string Tlp, string Handling, string OriginAgency,
        bool ReceivedCopy, string ReviewDate, bool DueForPurge);

    public sealed record OverdueEvidenceView(string CaseId, string Digest, string MediaType, long Length, string Tlp, string ReviewDate, bool DueForPurge);

    public sealed record Extension(string? Until, string? Reason);

    public static RouteGroupBuilder MapRetentionApi(this RouteGroupBuilder group)
    {
        group.MapGet("/overdue", async (int? limit, RetentionDesk desk, CancellationToken ct) =>
        {
            var review = await desk.ReviewAsync(Math.Clamp(limit ?? 500, 1, 5000), ct);
            if (!review.Decision.IsPermitted)
            {
                return Decisions.Denied(review.Decision);
            }
            return Results.Ok(new
            {
                overdue = review.Overdue,
                dueForPurge = review.DueForPurge,
                callRecords = new { overdue = review.CallRecordsOverdue, dueForPurge = review.CallRecordsDueForPurge },
                records = review.Records.Select(r => new OverdueView(r.Id, r.CaseId, r.Schema, r.Subjects.ToList().Split(',', StringSplitOptions.RemoveEmptyEntries),
                    r.Tlp.ToLabel(), new Handling(r.Handling).ToString(), r.OriginAgency, r.IsReceivedCopy,
                    r.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DueForPurge)),
                evidence = review.Evidence.Select(e => new OverdueEvidenceView(e.CaseId, e.Digest, e.MediaType, e.Length, e.Tlp,
                    e.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.DueForPurge)),
            });
        }).WithSummary("Records and evidence items past their review date (envelopes only); records are hidden from every other read path");

        group.MapPost("/{recordId}/extend", async (string recordId, Extension body, RetentionDesk desk, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(body.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                return Problems.BadRequest($"record '{recordId}': until: must be a date (YYYY-MM-DD)");
            }
            var refusal = await desk.ExtendAsync(recordId, until, body.Reason, ct);
            return refusal switch
            {
                null => Results.NoContent(),
                { Kind: RetentionRefusalKind.Denied } => Decisions.Denied(refusal.Decision!),
                { Kind: RetentionRefusalKind.NotFound } => Decisions.DeniedRead(refusal.Detail),
                _ => Problems.BadRequest(refusal.Detail),
            };
        }).WithSummary("Extend a record's review date, with a reason (journalled)");

        group.MapPost("/purge", async (RetentionDesk desk, CancellationToken ct) =>
        {
            var (decision, result) = await desk.PurgeNowAsync(ct);
            return result is null ? Decisions.Denied(decision) : Results.Ok(result);
        }).WithSummary("Purge the records overdue beyond the grace period now (journalled; withdrawals announced)");
        return group;
    }
}
