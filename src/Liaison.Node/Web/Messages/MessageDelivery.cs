using System.Text.Json;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Messages;

/// <summary>Where a sent case message is on its way to one peer, as the outbox row that carries it says.</summary>
internal sealed record DeliveryState(string Peer, OutboxState State, int Attempts, DateTimeOffset? DeliveredAt, bool Receipted, string? LastError)
{
    public string Text => State switch
    {
        OutboxState.Delivered => Receipted ? $"delivered {DeliveredAt?.UtcDateTime:yyyy-MM-dd HH:mm} UTC, signed receipt kept" : "delivered",
        OutboxState.Dead => "not delivered: given up" + (LastError is null ? "" : $" ({LastError})") + "; the node operator may retry it",
        _ => Attempts == 0 ? "waiting to be sent" : $"sending (attempt {Attempts})" + (LastError is null ? "" : $", last: {LastError}"),
    };
}

/// <summary>
/// Finds the outbox row of each message this node posted in a thread. The message and its outbox rows
/// are written in one transaction, one row per recipient, and the row's signed payload names the
/// thread; so the n-th post to a peer in a thread is the n-th <c>case.message</c> row to that peer
/// naming the thread, in creation order.
/// </summary>
internal static class MessageDelivery
{
    public static async Task<IReadOnlyDictionary<(string MessageId, string Peer), DeliveryState>> OfAsync(LiaisonDb db, string nodeId, CaseThread thread,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(thread);
        var result = new Dictionary<(string, string), DeliveryState>();
        var mine = thread.Messages.Where(m => m.Author == nodeId).OrderBy(m => m.SentAt).ToList();
        if (mine.Count == 0)
        {
            return result;
        }
        foreach (var peer in thread.Participants.Where(p => p != nodeId))
        {
            var rows = await db.Set<OutboxRow>().AsNoTracking()
                .Where(o => o.Type == CaseMessageTypes.Post && o.Recipient == peer && o.CaseReference == thread.CaseReference)
                .ToListAsync(ct);
            var ofThread = rows.Where(o => ThreadOf(o.SignedMessage) == thread.ThreadId).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
            for (var i = 0; i < Math.Min(mine.Count, ofThread.Count); i++)
            {
                var o = ofThread[i];
                result[(mine[i].MessageId, peer)] = new DeliveryState(peer, o.State, o.Attempts, o.DeliveredAt, o.ReceiptId is not null || o.Receipt is not null, o.LastError);
            }
        }
        return result;
    }

    /// <summary>The thread id in a signed <c>case.message</c> (compact JWS: the payload is the second part, base64url JSON).</summary>
    private static string? ThreadOf(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (string.Equals(p.Name, "threadId", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                {
                    return p.Value.GetString();
                }
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
        }
        return null;
    }
}
