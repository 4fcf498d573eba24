using System.Text.Json;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Exchange.Delivery;
using Liaison.Node.Exchange;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// Receives request messages through the exchange inbox (exactly once, inside its transaction). A message
/// that can never be acted on — wrong sender, unknown request, a step the workflow forbids, an evidence
/// package that fails its checks — is refused for good (<see cref="MessageRefusedException"/>): the sender's
/// receipt says "unprocessable" and its operator sees the dead letter; nothing of it is stored here.
/// </summary>
internal sealed class RequestInboxHandler(RequestService service) : IInboundMessageHandler
{
    public IReadOnlyCollection<string> MessageTypes => [RequestMessages.SubmitType, RequestMessages.StepType];

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            if (message.Type == RequestMessages.SubmitType)
            {
                var submission = JsonSerializer.Deserialize<RequestSubmission>(message.Payload.Span, RequestMessages.Json) ?? throw new JsonException("empty payload");
                // The provider's screening checks the key that signed this message is registered for the requesting
                // authority: the verifying key, which during a rotation's overlap is the sender's previous key.
                await service.ReceiveAsync(submission, message.Sender, message.SignerKid, cancellationToken);
            }
            else
            {
                var step = JsonSerializer.Deserialize<RequestStepMessage>(message.Payload.Span, RequestMessages.Json) ?? throw new JsonException("empty payload");
                await service.ApplyRemoteAsync(step, message.Sender, cancellationToken);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or RequestMessageRefusedException or EvidenceRejectedException
                                      or DuplicateRequestException or IllegalTransitionException or RequestActionDeniedException or InvalidRequestException)
        {
            throw new MessageRefusedException($"{message.Type} {message.MessageId}: {e.Message}");
        }
    }
}
