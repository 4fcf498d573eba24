using System.Globalization;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Ledger.Entries;
using Liaison.Node.Federation;
using Microsoft.Net.Http.Headers;

namespace Liaison.Node.Exchange;

/// <summary>
/// <c>POST /federation/messages</c>: a peer delivers an envelope (compact JWE, <c>application/jose</c>)
/// of one message or a batch. Every check of the envelope runs first (known, unexpired, unrevoked
/// sender key; signature; recipient; expiry and skew; size; replay against the durable inbox); each
/// message then takes effect through its <see cref="IInboundMessageHandler"/> exactly once, and the
/// answer is the signed receipt (compact JWS). A refused envelope is journalled and answered with a
/// problem naming its <see cref="EnvelopeRejection"/>.
/// </summary>
internal static class InboxEndpoint
{
    public static void MapInboxEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/" + ExchangeMessages.InboxPath, async (HttpRequest request, NodeFederation federation, IInboxStore inbox,
                InboundDispatcher dispatcher, FederationJournal journal, TimeProvider clock, CancellationToken ct) =>
            {
                if (!federation.IsAvailable)
                {
                    return FederationProblems.Unavailable(federation.UnavailableReason!);
                }
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                    || !type.MediaType.Equals(ExchangeMessages.JoseMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return FederationProblems.UnsupportedMediaType();
                }
                var max = federation.Options.MaxEnvelopeBytes;
                var envelope = await EnvelopeBody.ReadCappedAsync(request, max, ct);
                // No replay cache in the opener: the inbox's primary key, written in the transaction of the
                // effect, is the replay check (a repeat of the same bytes is a duplicate and gets the receipt
                // again; the same id with other bytes is refused as Replayed) — and one query less per message.
                var receiver = new MessageReceiver(new EnvelopeOpener(federation.Identity, federation.Peers, null, clock, federation.Options),
                    inbox, new ReceiptIssuer(federation.Sealer, clock, federation.Options), clock);
                try
                {
                    if (envelope is null)
                    {
                        throw new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {max.ToString(CultureInfo.InvariantCulture)} bytes");
                    }
                    var result = await receiver.ReceiveAsync(envelope, dispatcher.DispatchAsync, ct);
                    await journal.RecordAsync(Received(result), ct);
                    await dispatcher.CommittedAsync(ct);
                    return TypedResults.Text(result.ReceiptEnvelope, ExchangeMessages.JoseMediaType);
                }
                catch (EnvelopeRejectedException e)
                {
                    await journal.RecordAsync(new FederationEvent(LedgerEventType.PolicyDecision, "unverified:" + (e.Sender ?? "unknown"), "exchange.receive",
                        "deny", null, null, FederationProblems.TypeOf(e.Reason),
                        new Dictionary<string, string> { ["rejection"] = e.Reason.ToString(), ["message"] = e.MessageId ?? "unreadable" }), ct);
                    return FederationProblems.EnvelopeRefused(e);
                }
            })
            // No user signs in here: the caller is a node, authenticated by the ES256 signature inside
            // the envelope against the key in the descriptor imported out of band (see PsiEndpoint).
            .AllowAnonymous()
            .WithTags("federation")
            .WithSummary("A peer delivers case messages and other durable messages (compact JWE); answers the signed receipt (compact JWS)")
            .Produces<string>(StatusCodes.Status200OK, ExchangeMessages.JoseMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>One ledger entry per envelope: who sent it, and per message its id, type and what happened (accepted, duplicate, refused with the reason, failed).</summary>
    private static FederationEvent Received(ReceiveResult result)
    {
        var detail = new Dictionary<string, string>
        {
            ["messages"] = string.Join(',', result.Items.Select(i => $"{i.MessageId ?? "unreadable"}:{i.Status}{(i.Reason is { } r ? "/" + r : "")}")),
        };
        foreach (var group in result.Items.GroupBy(i => i.Status))
        {
            detail[group.Key switch
            {
                ReceivedStatus.Accepted => "accepted",
                ReceivedStatus.Duplicate => "duplicate",
                ReceivedStatus.Refused => "refused",
                _ => "failed",
            }] = FederationEvent.Number(group.Count());
        }
        return new FederationEvent(LedgerEventType.Receipt, "peer:" + result.Sender, "exchange.receive",
            result.Items.All(i => i.Status is ReceivedStatus.Accepted or ReceivedStatus.Duplicate) ? "received" : "partly-refused",
            result.Outer?.CaseReference, null, null, detail);
    }
}
