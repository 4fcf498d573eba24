using Liaison.Core.Policy;
using Liaison.Core.Requests;
using Liaison.Ledger.Custody;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

internal static partial class RequestsApi
{
    private static Task<IResult> RespondAsync(string id, RespondBody body, RequestGate gate, RequestService service, RequestRulebook rules, NodeConfig node, CancellationToken ct) =>
        OnRequest(id, body.Purpose, PolicyAction.RespondRequest, gate, service, ct, async (row, request) =>
        {
            var actor = await ActorAsync(gate, rules, node, AnswerRole(request), ct);
            switch (body.Outcome.Trim().ToLowerInvariant())
            {
                case "refuse":
                    var code = DraftBody.Parse<RefusalReason>(body.RefusalReason, "refusalReason");
                    return RequestResults.Json(await service.ActAsync(id, body.Purpose, r => service.Workflow.Refuse(r, actor, code, body.Reason ?? ""), ct));
                case "fulfil" or "partly":
                    var files = (body.Files ?? []).Select((f, i) => new EvidenceUpload(f.Name, f.MediaType, Base64(f.Content, i))).ToList();
                    return RequestResults.Json(await service.FulfilAsync(id, actor, body.Outcome.Trim().Equals("partly", StringComparison.OrdinalIgnoreCase), body.Reason, files,
                        body.Purpose, ct));
                default:
                    return Problems.BadRequest($"request '{Clip(id)}', field 'outcome': '{Clip(body.Outcome)}' is not one of fulfil, partly, refuse");
            }
        });

    private static byte[] Base64(string content, int index)
    {
        try
        {
            return Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            throw new ArgumentException($"field 'files[{index}].content': not base64");
        }
    }

    private static Task<IResult> EvidenceFileAsync(string id, string sha256, string? purpose, RequestGate gate, RequestService service, EvidenceDesk evidence,
        CancellationToken ct) =>
        OnRequest(id, purpose, PolicyAction.ReadRecord, gate, service, ct, async (row, request) =>
        {
            var file = (await service.Store.PackagesAsync(id, ct)).SelectMany(p => p.Files).FirstOrDefault(f => string.Equals(f.Sha256, sha256, StringComparison.Ordinal));
            if (file is null || !File.Exists(evidence.Store.PathOf(EvidenceDigest.Prefix + file.Sha256)))
            {
                return Problems.NotFound($"evidence file '{Clip(sha256)}' of request '{Clip(id)}'");
            }
            var caller = await gate.CallerAsync(ct);
            await evidence.Journal.CustodyAsync(file.Sha256, CustodyAction.Accessed, caller.UserId, null, row.CaseId, id, "downloaded", ct);
            return TypedResults.File(File.OpenRead(evidence.Store.PathOf(EvidenceDigest.Prefix + file.Sha256)), file.MediaType, file.Name);
        });

    private static async Task<IResult> FollowUpAsync(FollowUpBody body, RequestGate gate, FollowUpDrafting followUps, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.DraftRequest, body.CaseId, body.Purpose, subject: "follow-up after hit session " + body.Session, ct: ct);
        if (!decision.IsPermitted)
        {
            return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{body.CaseId}'") : Decisions.Denied(decision);
        }
        return await RequestResults.Guard(async () => RequestResults.Json(await followUps.DraftAsync(body, ct), StatusCodes.Status201Created));
    }
}
