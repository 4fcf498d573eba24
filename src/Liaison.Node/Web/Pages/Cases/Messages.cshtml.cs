using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Exchange.Cases;
using Liaison.Node.CaseMessaging;
using Liaison.Node.Federation;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Node.Web.Messages;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Nodes;
using Liaison.Storage.Retention;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// The case's message threads with peers (sent and received, each message with its delivery state and
/// the records attached as they travelled, received copies read-only with their origin) and the form
/// to write to a peer with records of the case. Sending goes through <see cref="CaseDesk.PostAsync"/>,
/// the code behind <c>POST /api/cases/{c}/messages</c>: every record passes the share decision and
/// leaves as its obligations make it (pseudonymised, narrowed); a refusal names the rule and sends nothing.
/// </summary>
internal sealed class MessagesModel(CaseAccess access, CaseDesk desk, LiaisonDb db, NodeConfig node, NodeFederation federation, TimeProvider clock)
    : CasePageModel(access)
{
    private const int MaxPickable = 500;

    public override string Tab => "messages";

    [BindProperty] public string? Peer { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<string> RecordIds { get; set; } = [];

    public string NodeId => node.NodeId;
    public IReadOnlyList<CaseThread> Threads { get; private set; } = [];
    public IReadOnlyDictionary<(string MessageId, string Peer), DeliveryState> Delivery { get; private set; } = new Dictionary<(string, string), DeliveryState>();

    /// <summary>Received copies held here, by (origin node, record id): where the read-only copy is filed.</summary>
    public IReadOnlyDictionary<(string Origin, string Id), ReceivedCopyRow> Copies { get; private set; } = new Dictionary<(string, string), ReceivedCopyRow>();
    public IReadOnlyList<string> Peers { get; private set; } = [];
    public IReadOnlyList<RecordRow> Pickable { get; private set; } = [];
    public string? Sent { get; private set; }
    public string? Error { get; private set; }

    /// <summary>A share the policy refused: the record (or null for the message itself), the rule and its reason.</summary>
    public (string? RecordId, string Rule, string Reason)? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? sent, CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.ReadRecord, "case messages", ct: ct) is { } refused)
        {
            return refused;
        }
        Sent = sent;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.ReadRecord, "case messages", ct: ct) is { } refused)
        {
            return refused;
        }
        try
        {
            var message = await desk.PostAsync(CaseId, Peer?.Trim(), Text ?? "", RecordIds, Purpose, ct);
            return Redirect(CasePath("messages") + "?sent=" + Uri.EscapeDataString(message.MessageId));
        }
        catch (ShareDeniedException e)
        {
            Denied = (e.RecordId, e.Decision.Rule, e.Decision.Reason);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (CaseMessagingInputException e) when (e.NotFound)
        {
            // A record (or case) the caller may not see is answered as one that does not exist.
            return this.NotFoundPage();
        }
        catch (CaseMessagingInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (ReadOnlyCopyException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(ct);
    }

    /// <summary>Sends the current version of a shared record to every peer holding a copy (<c>POST …/records/{id}/update</c>).</summary>
    public Task<IActionResult> OnPostUpdateAsync(string recordId, CancellationToken ct) =>
        FollowUpAsync(recordId, desk.SendUpdateAsync, "The current version of {0} was sent to {1}.", ct);

    /// <summary>Withdraws a shared record: every peer holding a copy deletes it (<c>POST …/records/{id}/withdraw</c>).</summary>
    public Task<IActionResult> OnPostWithdrawAsync(string recordId, CancellationToken ct) =>
        FollowUpAsync(recordId, desk.WithdrawAsync, "{0} was withdrawn from {1}.", ct);

    private async Task<IActionResult> FollowUpAsync(string recordId, Func<string, string, string?, CancellationToken, Task<IReadOnlyList<string>>> act,
        string done, CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.ReadRecord, "case messages", ct: ct) is { } refused)
        {
            return refused;
        }
        try
        {
            var peers = await act(CaseId, recordId, Purpose, ct);
            FollowedUp = peers.Count == 0 ? $"{recordId} was not shared with any peer: nothing was sent." : string.Format(System.Globalization.CultureInfo.InvariantCulture, done, recordId, string.Join(", ", peers));
        }
        catch (ShareDeniedException e)
        {
            Denied = (e.RecordId, e.Decision.Rule, e.Decision.Reason);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (CaseMessagingInputException e) when (e.NotFound)
        {
            return this.NotFoundPage();
        }
        catch (ReadOnlyCopyException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(ct);
    }

    /// <summary>What an update or withdrawal did.</summary>
    public string? FollowedUp { get; private set; }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var (decision, threads) = await desk.ThreadsAsync(CaseId, Purpose, ct);
        if (!decision.IsPermitted)
        {
            return this.NotFoundPage();
        }
        Threads = threads.OrderByDescending(t => t.Messages.Count == 0 ? DateTimeOffset.MinValue : t.Messages[^1].SentAt).ToList();
        var delivery = new Dictionary<(string, string), DeliveryState>();
        foreach (var thread in Threads)
        {
            foreach (var (key, state) in await MessageDelivery.OfAsync(db, node.NodeId, thread, ct))
            {
                delivery[key] = state;
            }
        }
        Delivery = delivery;
        var received = Threads.SelectMany(t => t.Messages).Where(m => m.Author != node.NodeId).SelectMany(m => m.Records)
            .Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        Copies = (await db.Set<ReceivedCopyRow>().AsNoTracking().Where(c => received.Contains(c.RecordId)).ToListAsync(ct))
            .ToDictionary(c => (c.OriginNode, c.RecordId));
        Peers = (await federation.Peers.ListAsync(ct)).Select(p => p.NodeId).Where(id => id != node.NodeId).Order(StringComparer.Ordinal).ToList();
        // Only the node's own records can be sent; a received copy belongs to its originator.
        Pickable = await db.Records.AsNoTracking().InForce(RetentionDay.Today(clock))
            .Where(r => r.CaseId == CaseId && !r.IsReceivedCopy).OrderBy(r => r.Schema).ThenBy(r => r.Caption).Take(MaxPickable).ToListAsync(ct);
        Mark(PageMarking.Of(Threads.SelectMany(t => t.Messages).SelectMany(m => m.Records).Select(SharedRecordMarking.Of)
            .Concat(Threads.Count > 0 ? [SharedRecordMarking.MessageFloor] : [])
            .Concat(Pickable.Select(r => (r.Tlp, r.HandlingCodes)))));
        return Page();
    }

    /// <summary>Where an attached record can be opened here: this node's own record, or the read-only copy it received.</summary>
    public string? RecordLink(CaseMessage message, SharedRecord record)
    {
        if (record.OriginNode == node.NodeId)
        {
            return CasePath("entities/" + Uri.EscapeDataString(record.Id));
        }
        return Copies.TryGetValue((record.OriginNode, record.Id), out var copy)
            ? "/cases/" + Uri.EscapeDataString(ReceivedCopies.LocalCase(record.OriginNode, record.CaseId)) + "/entities/" + Uri.EscapeDataString(copy.LocalId)
            : null;
    }

    public static string Caption(SharedRecord record) =>
        record.Properties.TryGetValue("name", out var names) && names.Count > 0 ? names[0]
        : record.Properties.TryGetValue("number", out var numbers) && numbers.Count > 0 ? numbers[0]
        : record.Id;
}
