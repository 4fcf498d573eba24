using System.Globalization;
using Liaison.Exchange.Envelopes;
using Microsoft.Net.Http.Headers;

namespace Liaison.Node.Federation;

/// <summary>
/// <c>POST /federation/psi</c>: a peer's hit/no-hit query. The body is a compact JWE
/// (<c>application/jose</c>), read up to <see cref="Liaison.Exchange.ExchangeOptions.MaxEnvelopeBytes"/>
/// and never beyond; the answer is a compact JWE to the querier, or an RFC 9457 problem.
/// </summary>
internal static class PsiEndpoint
{
    public static void MapPsiEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/" + FederationMessages.PsiPath, async (HttpRequest request, NodeFederation federation, HitNoHitResponder responder, CancellationToken ct) =>
            {
                if (!federation.IsAvailable)
                {
                    return FederationProblems.Unavailable(federation.UnavailableReason!);
                }
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                    || !type.MediaType.Equals(FederationMessages.JoseMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return FederationProblems.UnsupportedMediaType();
                }
                var max = federation.Options.MaxEnvelopeBytes;
                return await Exchange.EnvelopeBody.ReadCappedAsync(request, max, ct) is { } envelope
                    ? await responder.AnswerAsync(envelope, ct)
                    : await responder.RefuseAsync(new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {max.ToString(CultureInfo.InvariantCulture)} bytes"), ct);
            })
            // No user signs in here: the caller is a node, and it is authenticated by the ES256 signature
            // inside the envelope against the key in the descriptor we imported out of band. Nothing is
            // accepted from an unknown, expired or revoked key, so anonymous at the HTTP layer is not open:
            // an envelope that fails any check is refused (and journalled) before anything is read.
            .AllowAnonymous()
            .WithTags("federation")
            .WithSummary("A peer's hit/no-hit query (compact JWE of a signed psi.query); answers a compact JWE of a signed psi.response")
            // No .Accepts(): routing would then answer other media types itself, behind the fallback
            // authorization policy (401), instead of this handler's 415 problem.
            .Produces<string>(StatusCodes.Status200OK, FederationMessages.JoseMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
