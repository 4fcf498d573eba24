using System.Text.Json;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Nodes;

namespace Liaison.Node.CaseMessaging;

/// <summary>
/// Receives case messages, record updates and withdrawals from peers, inside the inbox transaction:
/// the thread is filed under the sender's case reference (listed under the incoming case
/// <c>{sender}:{reference}</c>), attached records become read-only copies indexed for the identifier
/// search, and only the originator's updates and withdrawals change them
/// (<see cref="CaseMailbox.ApplyAsync"/>). Each message owes one ledger entry — who sent what, to which
/// case, which records were stored, updated, withdrawn or passed on, what was ignored and why (ids
/// only) — through <see cref="InboundJournal"/>, journalled once the inbox transaction has committed.
/// </summary>
public sealed partial class CaseMessageHandler(LiaisonDb db, NodeConfig node, NodeFederation federation, InboundJournal journal,
    ILogger<CaseMessageHandler> log, IServiceProvider services, TimeProvider clock) : IInboundMessageHandler
{
    public IReadOnlyCollection<string> MessageTypes => [CaseMessageTypes.Post, CaseMessageTypes.RecordUpdate, CaseMessageTypes.RecordWithdrawal];

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var regions = await PhoneRegionsAsync(cancellationToken);
        var identifiers = new ReceivedCopyIdentifiers(origin => regions.GetValueOrDefault(origin, node.PhoneRegion), clock);
        var mailbox = new CaseMailbox(node.NodeId, new DbCaseStore(db, identifiers), services.GetRequiredService<Outbox>(), clock);
        var ignored = new List<string>();
        var applied = new List<AppliedChange>();
        mailbox.Ignored += ignored.Add;
        mailbox.Applied += applied.Add;
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
        journal.Owe(message, ActionOf(message.Type), applied.Count > 0 ? "applied" : ignored.Count > 0 ? "ignored" : "received",
            LocalCase(message, applied), Describe(message, applied, ignored));
    }

    /// <summary>The journal's action per message type.</summary>
    internal static string ActionOf(string type) => type switch
    {
        CaseMessageTypes.Post => "case.message-received",
        CaseMessageTypes.RecordUpdate => "case.record-update-received",
        _ => "case.record-withdrawal-received",
    };

    /// <summary>The local case the message concerns: that of its first record (the incoming case of its originator), else the sender's reference.</summary>
    private static string? LocalCase(InboundMessage message, List<AppliedChange> applied)
    {
        if (applied.FirstOrDefault(a => a.CaseId is not null) is { } change)
        {
            return ReceivedCopies.LocalCase(change.OriginNode, change.CaseId!);
        }
        return message.CaseReference switch
        {
            null => null,
            // A reference that already names an origin ("{origin}:{case}") came through a forwarding node.
            var r when r.Contains(':', StringComparison.Ordinal) => r,
            var r => ReceivedCopies.LocalCase(message.Sender, r),
        };
    }

    private static string Describe(InboundMessage message, List<AppliedChange> applied, List<string> ignored)
    {
        var parts = new List<string> { $"from {message.Sender}" };
        foreach (var group in applied.GroupBy(a => a.Kind))
        {
            parts.Add(group.Key + " " + string.Join(",", group.Select(a =>
                $"{ReceivedCopies.LocalId(a.OriginNode, a.RecordId)} v{a.Version}{(a.To is null ? "" : " to " + a.To)}")));
        }
        if (ignored.Count > 0)
        {
            parts.Add("ignored: " + string.Join("; ", ignored));
        }
        return string.Join("; ", parts);
    }

    /// <summary>Each peer's jurisdiction as a phone region, for reading national-format numbers of the records it originated.</summary>
    private async Task<Dictionary<string, string>> PhoneRegionsAsync(CancellationToken ct)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var peer in await federation.Peers.ListAsync(ct))
        {
            if (PhoneRegion(peer.Descriptor.Jurisdiction) is { } region)
            {
                regions[peer.NodeId] = region;
            }
        }
        return regions;
    }

    private static string? PhoneRegion(string? jurisdiction)
    {
        if (jurisdiction is not { Length: 2 } || jurisdiction == "EU")
        {
            return null;
        }
        try
        {
            return new Liaison.Core.Identifiers.PhoneNumberNormalizer(jurisdiction).DefaultRegion;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "case message {MessageId} from {Sender}: ignored {Reason}")]
    private static partial void Ignored(ILogger logger, string sender, string messageId, string reason);
}
