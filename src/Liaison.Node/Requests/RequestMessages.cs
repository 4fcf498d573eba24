using System.Text.Json;
using Liaison.Core.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// What nodes say to each other about a request, carried by the exchange (outbox, signed-and-encrypted
/// envelope, signed receipt; docs/requests.md, "Between nodes"). The requester sends the whole request once (<see cref="SubmitType"/>); after that both
/// sides send only steps, which the other side replays through the same workflow with the actor the sender's
/// node vouches for.
/// </summary>
public static class RequestMessages
{
    public const string SubmitType = "request.submit";
    public const string StepType = "request.step";

    public static JsonSerializerOptions Json => Liaison.Storage.Requests.RequestDocument.Options;
}

/// <summary>The request as sent: its JSON document (state Sent, with its history).</summary>
public sealed record RequestSubmission(DataAccessRequest Request);

/// <summary>One step taken at the sending node, to be replayed at the other end.</summary>
public sealed record RequestStepMessage(
    string RequestId,
    RequestAction Action,
    RequestActor Actor,
    string? Reason = null,
    RefusalReason? RefusalReason = null,
    string? Manifest = null,
    IReadOnlyList<EvidenceContent>? Files = null);

/// <summary>One evidence file carried in a step (a fulfilment), base64.</summary>
public sealed record EvidenceContent(string Name, string Content);
