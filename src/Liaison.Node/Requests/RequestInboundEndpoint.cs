using System.Text;
using System.Text.Json;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Api;
using Liaison.Node.Audit;
using Liaison.Node.Federation;
using Liaison.Storage.Requests;
using Microsoft.Net.Http.Headers;

namespace Liaison.Node.Requests;

/// <summary>
/// <c>POST /federation/requests</c>: request messages from peers. No user signs in; the sending node is
/// authenticated by the ES256 signature inside the envelope against the descriptor imported out of band,
/// the envelope must be addressed to this node, fresh, and not replayed. Every refusal is journalled
/// under the sender it claims.
/// </summary>
internal static class RequestInboundEndpoint
{
    public static void MapRequestInbound(this IEndpointRouteBuilder app) =>
        app.MapPost("/" + RequestMessages.Path, async (HttpRequest http, NodeFederation federation, RequestService service, AuditJournal audit, CancellationToken ct) =>
            {
                if (!federation.IsAvailable)
                {
                    return FederationProblems.Unavailable(federation.UnavailableReason!);
                }
                if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var type) || !type.MediaType.Equals(FederationMessages.JoseMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return FederationProblems.UnsupportedMediaType();
                }
                var max = federation.Options.MaxEnvelopeBytes;
                if (http.ContentLength > max)
                {
                    return Problems.BadRequest("the envelope is too large");
                }
                using var buffer = new MemoryStream();
                await http.Body.CopyToAsync(buffer, ct);
                if (buffer.Length > max)
                {
                    return Problems.BadRequest("the envelope is too large");
                }
                var envelope = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                OpenedMessage message;
                string sender;
                try
                {
                    var opened = await federation.Opener.OpenAllAsync(envelope, ct);
                    if (opened.IsBatch)
                    {
                        throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, opened.Outer.MessageId, opened.Outer.Sender, "a batch where one request message was expected");
                    }
                    message = opened.Items[0].Message ?? throw opened.Items[0].Refusal!;
                    sender = opened.Sender.NodeId;
                    if (!federation.ReplayCache.TryRemember(message.Header))
                    {
                        throw new EnvelopeRejectedException(EnvelopeRejection.Replayed, message.Header.MessageId, sender, "this message id has been received before");
                    }
                }
                catch (EnvelopeRejectedException e)
                {
                    await audit.RecordAsync("unverified:" + (e.Sender ?? "unknown"), "request.inbound", "deny", rule: FederationProblems.TypeOf(e.Reason),
                        detail: e.Reason.ToString(), ct: ct);
                    return FederationProblems.EnvelopeRefused(e);
                }
                try
                {
                    switch (message.Header.Type)
                    {
                        case RequestMessages.SubmitType:
                            var submission = JsonSerializer.Deserialize<RequestSubmission>(message.Payload, RequestMessages.Json) ?? throw new JsonException("empty");
                            var row = await service.ReceiveAsync(submission, sender, message.SignerKid, ct);
                            return TypedResults.Accepted($"/api/requests/{row.Id}", new { id = row.Id, screened = row.Screening is null ? "acceptable" : "grounds-to-refuse" });
                        case RequestMessages.StepType:
                            var step = JsonSerializer.Deserialize<RequestStepMessage>(message.Payload, RequestMessages.Json) ?? throw new JsonException("empty");
                            var applied = await service.ApplyRemoteAsync(step, sender, ct);
                            return TypedResults.Accepted($"/api/requests/{applied.Id}", new { id = applied.Id, state = applied.State.ToString() });
                        default:
                            return await Refuse(audit, sender, "unknown-message-type", $"'{message.Header.Type}' is not a request message", ct);
                    }
                }
                catch (Exception e) when (e is JsonException or FormatException or ArgumentException or RequestMessageRefusedException or EvidenceRejectedException
                                              or DuplicateRequestException or IllegalTransitionException or RequestActionDeniedException or InvalidRequestException)
                {
                    return await Refuse(audit, sender, e.GetType().Name, e.Message, ct);
                }
            })
            .AllowAnonymous()
            .WithTags("federation")
            .WithSummary("A peer's request message (compact JWE of a signed request.submit or request.step)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Refuse(AuditJournal audit, string sender, string rule, string detail, CancellationToken ct)
    {
        await audit.RecordAsync("peer:" + sender, "request.inbound", "deny", rule: rule, detail: detail.Length > 500 ? detail[..500] : detail, ct: ct);
        return TypedResults.Problem(type: Problems.Base + "request-message-refused", title: "Request message refused", detail: detail,
            statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
