using Liaison.Core.Policy;
using Liaison.Core.Requests.Statistics;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

internal static partial class RequestsApi
{
    /// <summary>
    /// Counts by type, instrument, outcome, refusal reason, urgency, jurisdictions and time to fulfil. Only
    /// <c>read-statistics</c> is needed — the DPO's and oversight's role — because the figures carry no case
    /// id, request id, target, statement or free text (docs/requests.md, "Transparency and oversight statistics").
    /// </summary>
    private static async Task<IResult> StatisticsAsync(DateTimeOffset? from, DateTimeOffset? to, string? direction, RequestGate gate, RequestService service,
        RequestRulebook rules, CancellationToken ct) =>
        await CompileAsync(from, to, direction, gate, service, rules, ct) is { } stats ? RequestResults.Json(stats) : Denied();

    private static async Task<IResult> StatisticsCsvAsync(DateTimeOffset? from, DateTimeOffset? to, string? direction, RequestGate gate, RequestService service,
        RequestRulebook rules, CancellationToken ct) =>
        await CompileAsync(from, to, direction, gate, service, rules, ct) is { } stats
            ? TypedResults.Text(stats.ToCsv(), "text/csv; charset=utf-8")
            : Denied();

    internal static async Task<TransparencyStatistics?> CompileAsync(DateTimeOffset? from, DateTimeOffset? to, string? direction, RequestGate gate, RequestService service,
        RequestRulebook rules, CancellationToken ct)
    {
        if (!await gate.PermissionAsync(PolicyAction.ReadStatistics, "requests.statistics", ct: ct))
        {
            return null;
        }
        var which = direction ?? (rules.IsProvider ? RequestDirection.Incoming : RequestDirection.Outgoing);
        var requests = (await service.Store.AllAsync(ct)).Where(r => r.Direction == which).Select(r => RequestDocument.Read(r.Document));
        return TransparencyReport.Compile(requests, from, to);
    }

    private static IResult Denied() =>
        TypedResults.Problem(type: Problems.Base + "policy-denied", title: "Denied by policy", detail: "no role of the caller may read-statistics", statusCode: StatusCodes.Status403Forbidden);
}
