using System.Globalization;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Entries;
using Liaison.Node.Api;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// <c>POST /federation/linkage</c> on a node configured as linkage hub: a participant's sealed
/// <c>linkage.upload</c>, <c>linkage.upload-part</c> or <c>linkage.result-request</c>. Authenticated like <c>/federation/psi</c> by the
/// envelope's signature against the sender's imported descriptor; every upload, answer and refusal is
/// journalled at the hub with counts and node ids only. The hub never holds the CLK secret.
/// </summary>
internal static class LinkageHubEndpoint
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    public static void MapLinkageHub(this IEndpointRouteBuilder app) =>
        app.MapPost("/" + LinkageMessages.Path, async (HttpRequest request, NodeFederation federation, IOptions<LinkageHubOptions> options, LinkageRuns runs,
                FederationJournal journal, HitNoHitResponder responder, CancellationToken ct) =>
            {
                if (!options.Value.Enabled)
                {
                    return TypedResults.Problem(type: Problems.Base + "not-a-linkage-hub", title: "Not a linkage hub",
                        detail: "this node is not configured as a linkage hub (Federation__LinkageHub__Enabled)", statusCode: StatusCodes.Status404NotFound);
                }
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
                var envelope = await Exchange.EnvelopeBody.ReadCappedAsync(request, max, ct);
                OpenedMessage message;
                Peer sender;
                try
                {
                    if (envelope is null)
                    {
                        throw new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {max.ToString(CultureInfo.InvariantCulture)} bytes");
                    }
                    (message, sender) = await OpenAsync(federation, envelope, ct);
                }
                catch (EnvelopeRejectedException e)
                {
                    // Journalled and answered exactly as the PSI endpoint does.
                    return await responder.RefuseAsync(e, ct);
                }
                var h = message.Header;
                var actor = "peer:" + sender.NodeId;
                try
                {
                    object reply;
                    string replyType;
                    Dictionary<string, string> detail;
                    if (h.Type == LinkageMessages.UploadType)
                    {
                        var upload = Read<LinkageUpload>(message);
                        var receipt = await runs.UploadAsync(sender.NodeId, upload, ct);
                        (reply, replyType) = (receipt, LinkageMessages.ReceiptType);
                        detail = new() { ["run"] = upload.Run, ["participants"] = string.Join(',', upload.Participants.Order(StringComparer.Ordinal)),
                            ["clks"] = FederationEvent.Number(receipt.Uploaded), ["waitingFor"] = string.Join(',', receipt.WaitingFor), ["message"] = h.MessageId };
                    }
                    else if (h.Type == LinkageMessages.UploadPartType)
                    {
                        var part = Read<LinkageUploadPart>(message);
                        var receipt = await runs.UploadPartAsync(sender.NodeId, part, ct);
                        (reply, replyType) = (receipt, LinkageMessages.PartReceiptType);
                        detail = new() { ["run"] = part.Run, ["participants"] = string.Join(',', (part.Participants ?? []).Order(StringComparer.Ordinal)),
                            ["part"] = FederationEvent.Number(part.Part), ["parts"] = FederationEvent.Number(part.Parts), ["clks"] = FederationEvent.Number(receipt.ReceivedClks),
                            ["complete"] = receipt.Complete ? "true" : "false", ["waitingFor"] = string.Join(',', receipt.WaitingFor), ["message"] = h.MessageId };
                    }
                    else
                    {
                        var ask = Read<LinkageResultRequest>(message);
                        var result = await runs.ResultAsync(sender.NodeId, ask.Run, ct);
                        (reply, replyType) = (result, LinkageMessages.ResultType);
                        detail = new() { ["run"] = ask.Run, ["complete"] = result.Complete ? "true" : "false", ["links"] = FederationEvent.Number(result.Matches.Length),
                            ["message"] = h.MessageId };
                    }
                    await journal.RecordAsync(new FederationEvent(LedgerEventType.HitRun, actor, h.Type, "answered", h.CaseReference, null, "linkage-hub", detail), ct);
                    var payload = JsonSerializer.SerializeToUtf8Bytes(reply, FederationMessages.Json);
                    var answer = federation.Sealer.Seal(new OutgoingMessage(sender.NodeId, replyType, payload, h.CaseReference, HandlingCodes.H0, Tlp.Amber,
                        FederationMessages.QueryLifetime), sender);
                    return TypedResults.Text(answer.Compact, FederationMessages.JoseMediaType);
                }
                catch (LinkageRefusedException e)
                {
                    await journal.RecordAsync(new FederationEvent(LedgerEventType.PolicyDecision, actor, h.Type, "deny", h.CaseReference, null, e.Code,
                        new Dictionary<string, string> { ["message"] = h.MessageId, ["reason"] = e.Message }), ct);
                    return TypedResults.Problem(type: Problems.Base + e.Code, title: "Linkage refused", detail: e.Message, statusCode: e.Status,
                        extensions: new Dictionary<string, object?> { ["rule"] = e.Code });
                }
            })
            .AllowAnonymous() // the caller is a node, authenticated by the envelope (see PsiEndpoint)
            .WithTags("federation")
            .WithSummary("Linkage hub: a participant's CLK upload or result request (compact JWE); answers a compact JWE of its receipt or its share of the result")
            .Produces<string>(StatusCodes.Status200OK, FederationMessages.JoseMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<(OpenedMessage, Peer)> OpenAsync(NodeFederation federation, string envelope, CancellationToken ct)
    {
        var opened = await federation.Opener.OpenAllAsync(envelope, ct);
        if (opened.IsBatch)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, opened.Outer.MessageId, opened.Outer.Sender, "a batch where one message was expected");
        }
        var message = opened.Items[0].Message ?? throw opened.Items[0].Refusal!;
        var h = message.Header;
        if (h.Type is not (LinkageMessages.UploadType or LinkageMessages.UploadPartType or LinkageMessages.ResultRequestType))
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, h.MessageId, h.Sender,
                $"this endpoint answers {LinkageMessages.UploadType}, {LinkageMessages.UploadPartType} and {LinkageMessages.ResultRequestType} messages only");
        }
        if (h.Expires - h.Created > MaxLifetime)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.InvalidLifetime, h.MessageId, h.Sender, $"a linkage message may live at most {MaxLifetime.TotalMinutes:0} minutes");
        }
        if (!await federation.ReplayCache.TryRememberAsync(h, ct))
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Replayed, h.MessageId, h.Sender, "this message id has been received before");
        }
        return (message, opened.Sender);
    }

    private static T Read<T>(OpenedMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(message.Payload, FederationMessages.Json)
                   ?? throw new LinkageRefusedException("linkage-bad-upload", 400, $"message {message.Header.MessageId} is empty");
        }
        catch (JsonException)
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"message {message.Header.MessageId} is not a {message.Header.Type}");
        }
    }
}
