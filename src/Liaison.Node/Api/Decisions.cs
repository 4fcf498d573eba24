using Liaison.Core.Policy;

namespace Liaison.Node.Api;

/// <summary>How a policy denial is answered: reads as 404 (do not reveal what exists), actions as 403 naming the rule.</summary>
internal static class Decisions
{
    public static IResult DeniedRead(string what) => Problems.NotFound(what);

    public static IResult Denied(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return TypedResults.Problem(type: Problems.Base + "policy-denied", title: "Denied by policy", detail: $"{decision.Rule}: {decision.Reason}",
            statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["rule"] = decision.Rule });
    }
}
