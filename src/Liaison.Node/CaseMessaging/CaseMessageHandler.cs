using System.Text.Json;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Exchange;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Nodes;

namespace Liaison.Node.CaseMessaging;

/// <summary>
/// Receives case messages, record updates and withdrawals from peers, inside the inbox transaction:
/// the thread is filed under the sender's case reference (listed under the incoming case
/// <c>{sender}:{reference}</c>), attached records become read-only copies, and only the originator's
/// updates and withdrawals change them (<see cref="CaseMailbox.ApplyAsync"/>). The receiving endpoint
/// already journals each envelope with its message ids; ignored changes (not from the originator,
/// stale, withdrawn) are logged with ids only. Not journalled from here: the ledger's append would
/// wait on the write lock the inbox transaction holds (SQLite).
/// </summary>
public sealed partial class CaseMessageHandler(LiaisonDb db, NodeConfig node, ILogger<CaseMessageHandler> log, IServiceProvider services, TimeProvider clock)
    : IInboundMessageHandler
{
    public IReadOnlyCollection<string> MessageTypes => [CaseMessageTypes.Post, CaseMessageTypes.RecordUpdate, CaseMessageTypes.RecordWithdrawal];

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mailbox = new CaseMailbox(node.NodeId, new DbCaseStore(db), services.GetRequiredService<Outbox>(), clock);
        var ignored = new List<string>();
        mailbox.Ignored += ignored.Add;
        var opened = new OpenedMessage(new EnvelopeHeader(message.MessageId, message.Sender, node.NodeId, message.Created, message.Expires, message.Type,
            message.CaseReference, message.Handling, message.Tlp), message.Payload.ToArray(), "", "");
        try
        {
            await mailbox.ApplyAsync(opened, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new MessageRefusedException($"message {message.MessageId} ({message.Type}) from {message.Sender}: payload is not a valid {message.Type}");
        }
        foreach (var reason in ignored)
        {
            Ignored(log, message.Sender, message.MessageId, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "case message {MessageId} from {Sender}: ignored {Reason}")]
    private static partial void Ignored(ILogger logger, string sender, string messageId, string reason);
}
