using Liaison.Core.Policy;
using Liaison.Node.Api;
using Liaison.Node.Audit;

namespace Liaison.Node.Policy;

/// <summary>
/// <c>GET /api/policy/check</c>: how the policy in force decides a read of a stored record by a user, or
/// its share to a peer. For supervisors (records of cases they may see) and the DPO (any record; the
/// decision, never the content). The check itself is journalled with the decision it reports.
/// </summary>
internal static class PolicyCheckApi
{
    public static RouteGroupBuilder MapPolicyCheckApi(this RouteGroupBuilder group)
    {
        group.MapGet("/check", async (string? @as, string? record, string? to, string? purpose, RequestGate gate, StoredRecordCheck check,
            AuditJournal journal, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(@as) || string.IsNullOrWhiteSpace(record))
            {
                return Problems.BadRequest("as (a user name) and record (a record id) are required");
            }
            var permitted = await gate.DecideAsync(PolicyAction.CheckPolicy, subject: $"check record {record}", ct: ct);
            if (!permitted.IsPermitted)
            {
                return Decisions.Denied(permitted);
            }
            StoredRecordCheckResult result;
            try
            {
                result = await check.CheckAsync(@as, record, to, purpose, ct);
            }
            catch (StoredRecordCheckException e) when (e.Field == "record")
            {
                return Decisions.DeniedRead($"record '{record}'");
            }
            catch (StoredRecordCheckException e)
            {
                return Problems.BadRequest($"record '{record}': {e.Field}: {e.Reason}");
            }
            var caller = await gate.CallerAsync(ct);
            // A supervisor checks only records of cases they may see; any other answers as missing.
            if (!caller.Has(Role.DataProtectionOfficer) && !gate.Engine.VisibilityFor(caller).MaySee(result.CaseId))
            {
                return Decisions.DeniedRead($"record '{record}'");
            }
            await journal.RecordAsync(caller.UserId, "policy.check", result.Decision.IsPermitted ? "permit" : "deny", result.CaseId, result.Purpose, result.Decision.Rule,
                $"as {result.User} {PolicyNames.Of(result.Action)} record {result.RecordId}{(result.Recipient is null ? "" : " to " + result.Recipient)}: {result.Decision.ToJson()}", ct);
            return Results.Ok(new
            {
                user = result.User,
                record = result.RecordId,
                caseId = result.CaseId,
                action = PolicyNames.Of(result.Action),
                recipient = result.Recipient,
                purpose = result.Purpose,
                effect = result.Decision.Effect.ToString(),
                rule = result.Decision.Rule,
                reason = result.Decision.Reason,
                obligations = result.Decision.Obligations,
                trail = result.Decision.Trail,
                policy = result.Policy,
            });
        }).WithSummary("How the policy in force decides a user's read, or a share to a peer, of a stored record");
        return group;
    }
}
