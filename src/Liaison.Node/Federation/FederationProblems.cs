using System.Globalization;
using System.Text;
using Liaison.Exchange.Envelopes;
using Liaison.Matching.Psi;
using Liaison.Node.Api;

namespace Liaison.Node.Federation;

/// <summary>
/// RFC 9457 answers of the federation endpoints, with stable type URIs. A refused envelope is named
/// by its <see cref="EnvelopeRejection"/> (type <c>…/envelope-unknown-sender</c>, extension
/// <c>rejection</c>) so the sender can tell a refusal that heals (re-send descriptors) from one that
/// will recur. Details carry ids, counts and rule names, never an identifier.
/// </summary>
internal static class FederationProblems
{
    public static IResult Unavailable(string reason) =>
        TypedResults.Problem(type: Problems.Base + "federation-unavailable", title: "Federation not configured", detail: reason,
            statusCode: StatusCodes.Status503ServiceUnavailable);

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(type: Problems.Base + "unsupported-media-type", title: "Unsupported media type",
            detail: $"send the compact JWE as {FederationMessages.JoseMediaType}", statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static IResult EnvelopeRefused(EnvelopeRejectedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return TypedResults.Problem(type: Problems.Base + TypeOf(e.Reason), title: "Envelope refused", detail: e.Message, statusCode: StatusOf(e.Reason),
            extensions: new Dictionary<string, object?> { ["rejection"] = e.Reason.ToString(), ["messageId"] = e.MessageId });
    }

    public static IResult BadQuery(string detail) =>
        TypedResults.Problem(type: Problems.Base + "bad-query", title: "Bad hit/no-hit query", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult BudgetExceeded(PsiBudgetExceededException e, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(e);
        var problem = TypedResults.Problem(type: Problems.Base + "psi-budget-exceeded", title: "Hit/no-hit budget exceeded", detail: e.Message,
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["limit"] = e.Limit, ["requested"] = e.Requested, ["remaining"] = e.Remaining });
        return e.RetryAfter is { } at ? new WithRetryAfter(problem, at - clock.GetUtcNow()) : problem;
    }

    /// <summary>
    /// A failed run, for the investigator: unknown peer 400, nothing to match 422; the peer's refusal
    /// 502 with the peer's status, problem type and rule passed on (its budget refusal stays 429 with
    /// Retry-After, since waiting helps); unreachable peers and invalid answers 502.
    /// </summary>
    public static IResult RunFailed(HitNoHitException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (status, type, title) = e.Failure switch
        {
            HitNoHitFailure.UnknownPeer => (StatusCodes.Status400BadRequest, "unknown-peer", "Unknown peer"),
            HitNoHitFailure.NothingToMatch => (StatusCodes.Status422UnprocessableEntity, "nothing-to-match", "Nothing to match"),
            HitNoHitFailure.PeerRefused when e.PeerStatus == StatusCodes.Status429TooManyRequests =>
                (StatusCodes.Status429TooManyRequests, "peer-refused", "Refused by the peer"),
            HitNoHitFailure.PeerRefused => (StatusCodes.Status502BadGateway, "peer-refused", "Refused by the peer"),
            HitNoHitFailure.PeerUnreachable => (StatusCodes.Status502BadGateway, "peer-unreachable", "Peer unreachable"),
            _ => (StatusCodes.Status502BadGateway, "peer-answer-invalid", "Invalid answer from the peer"),
        };
        var problem = TypedResults.Problem(type: Problems.Base + type, title: title, detail: e.Message, statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["peer"] = e.Peer, ["peerStatus"] = e.PeerStatus, ["peerType"] = e.PeerProblemType, ["peerRule"] = e.PeerRule,
            });
        return e.RetryAfter is { } after && status == StatusCodes.Status429TooManyRequests ? new WithRetryAfter(problem, after) : problem;
    }

    /// <summary>The problem type of a rejection: "envelope-" and its name in kebab case.</summary>
    public static string TypeOf(EnvelopeRejection reason) => "envelope-" + Kebab(reason.ToString());

    /// <summary>
    /// 403 when the sender is not (or no longer) trusted or its signature fails — authentication;
    /// 413 for size, 409 for a replay; 400 for everything malformed, expired or not for us.
    /// </summary>
    public static int StatusOf(EnvelopeRejection reason) => reason switch
    {
        EnvelopeRejection.Oversize => StatusCodes.Status413PayloadTooLarge,
        EnvelopeRejection.Replayed => StatusCodes.Status409Conflict,
        EnvelopeRejection.UnknownSender or EnvelopeRejection.SenderDescriptorExpired or EnvelopeRejection.UnknownSigningKey
            or EnvelopeRejection.RevokedKey or EnvelopeRejection.BadSignature => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>A result that adds a Retry-After header (whole seconds, at least 1) to another.</summary>
    private sealed class WithRetryAfter(IResult inner, TimeSpan after) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
