using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Node.Tests.Exchange;
using Liaison.Storage.Exchange;
using Liaison.Storage.Rows;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// What the receiving node does with a case message besides storing the copies: one ledger entry per
/// message (journalled after the inbox commit, surviving a crash in between), and the copies found by
/// the identifier search under the same need-to-know as own records.
/// </summary>
public sealed class ReceivedCopyTests
{
    private const string Case = CaseNodes.Case;
    private const string Purpose = CaseNodes.Purpose;
    private const string IncomingCase = "gb-nca:" + Case;

    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_received_message_is_journalled_with_its_sender_case_and_records_after_the_inbox_commit(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        var gb = await CaseNodes.SignInAsync(nodes.Gb, "sup");

        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "Two subjects", recordIds = new[] { "g-suspect", "g-victim" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);
        var messageId = (await nodes.Gb.OutboxAsync()).Single(r => r.Type == "case.message").Id; // the id NL received it under
        var withdrawn = await gb.PostAsync($"/api/cases/{Case}/records/g-victim/withdraw?purpose={Purpose}", null);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);

        var received = await EntryAsync(nodes.Nl, "case.message-received");
        Assert.Equal("peer:gb-nca", received.Actor);
        Assert.Equal("applied", received.Decision);
        Assert.Equal(IncomingCase, received.CaseId);
        Assert.Contains(messageId, received.Detail, StringComparison.Ordinal);
        Assert.Contains("stored gb-nca/g-suspect v1,gb-nca/g-victim v1", received.Detail, StringComparison.Ordinal);
        Assert.NotNull(received.LedgerIndex);
        var withdrawal = await EntryAsync(nodes.Nl, "case.record-withdrawal-received");
        Assert.Contains("withdrawn gb-nca/g-victim", withdrawal.Detail, StringComparison.Ordinal);
        Assert.Equal(IncomingCase, withdrawal.CaseId);
        await using var db = nodes.Nl.Db();
        Assert.False(await db.Set<InboundJournalRow>().AnyAsync(), "nothing is left owed once journalled");

        // The sender's own acts go the same way: owed in the transaction, journalled as the user after it.
        await using var gbDb = nodes.Gb.Db();
        var own = await gbDb.Audit.AsNoTracking().SingleAsync(a => a.Action == "case.message" && a.Detail!.StartsWith("message "));
        Assert.Equal("sup", own.Actor);
        Assert.Contains("to nl-politie; records: g-suspect", own.Detail, StringComparison.Ordinal);
        Assert.NotNull(own.LedgerIndex);
        Assert.Equal("sup", (await gbDb.Audit.AsNoTracking().SingleAsync(a => a.Action == "case.withdraw" && a.Detail!.StartsWith("record g-victim withdrawn"))).Actor);
        Assert.False(await gbDb.Set<InboundJournalRow>().AnyAsync(), "the sender owes nothing once journalled");
    }

    [Fact]
    public async Task A_sent_message_whose_entry_was_owed_when_the_sender_stopped_is_journalled_as_its_user_at_the_next_start()
    {
        await using var nodes = await CaseNodes.CreateAsync("sqlite");
        await nodes.Gb.StopReplicasAsync();
        // What the desk leaves when the process dies after the message's commit and before the ledger append.
        await using (var db = nodes.Gb.Db())
        {
            db.Add(new InboundJournalRow
            {
                Sender = "gb-nca", Actor = "sup", MessageId = "m-sent-crashed", Action = "case.message", Decision = "permit", CaseId = Case,
                Detail = "message m-sent-crashed in thread t1 to nl-politie; records: g-suspect", QueuedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await nodes.Gb.StartReplicaAsync();

        AuditRow? entry = null;
        for (var i = 0; i < 100 && entry is null; i++, await Task.Delay(50))
        {
            await using var db = nodes.Gb.Db();
            entry = await db.Audit.AsNoTracking().FirstOrDefaultAsync(a => a.Action == "case.message" && a.Detail!.Contains("m-sent-crashed"));
        }
        Assert.NotNull(entry);
        Assert.Equal("sup", entry.Actor);
        Assert.Contains("m-sent-crashed", entry.Detail, StringComparison.Ordinal);
        Assert.NotNull(entry.LedgerIndex);
    }

    [Fact]
    public async Task An_entry_owed_when_the_node_stopped_between_commit_and_ledger_is_journalled_at_the_next_start()
    {
        await using var nodes = await CaseNodes.CreateAsync("sqlite");
        await nodes.Nl.StopReplicasAsync();
        // What the handler leaves when the process dies after the inbox commit and before the ledger append.
        await using (var db = nodes.Nl.Db())
        {
            db.Add(new InboundJournalRow
            {
                Sender = "gb-nca", MessageId = "m-crashed", Action = "case.message-received", Decision = "applied", CaseId = IncomingCase,
                Detail = "message m-crashed (case.message): from gb-nca; stored gb-nca/g-suspect v1", QueuedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await nodes.Nl.StartReplicaAsync();

        var entry = await EntryAsync(nodes.Nl, "case.message-received");
        Assert.Contains("m-crashed", entry.Detail, StringComparison.Ordinal);
        Assert.NotNull(entry.LedgerIndex);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_received_copy_is_found_by_phone_in_any_format_only_by_those_who_may_see_its_case_and_not_after_withdrawal(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        await CaseNodes.AddUserAsync(nodes.Nl, "inv", "investigator", "NL-OWN-1");
        var gb = await CaseNodes.SignInAsync(nodes.Gb, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "A suspect", recordIds = new[] { "g-suspect" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);
        var desk = await CaseNodes.SignInAsync(nodes.Nl, "desk");
        var investigator = await CaseNodes.SignInAsync(nodes.Nl, "inv");

        Assert.Equal(["gb-nca/g-suspect"], await FoundAsync(desk, "+44 7911 123456"));
        Assert.Equal(["gb-nca/g-suspect"], await FoundAsync(desk, "0044 7911-123 456"));
        Assert.Equal(["gb-nca/g-suspect"], await FoundAsync(desk, "Ivan Petrov"));
        // Not a member of the incoming case: answered as a case that does not exist.
        var denied = await investigator.GetAsync($"/api/entities?q={Uri.EscapeDataString("+44 7911 123456")}&caseId={Uri.EscapeDataString(IncomingCase)}&purpose={Purpose}");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.DoesNotContain("g-suspect", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await gb.PostAsync($"/api/cases/{Case}/records/g-suspect/withdraw?purpose={Purpose}", null);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);
        Assert.Empty(await FoundAsync(desk, "+44 7911 123456"));
    }

    private static async Task<List<string>> FoundAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/entities?q={Uri.EscapeDataString(query)}&caseId={Uri.EscapeDataString(IncomingCase)}&purpose={Purpose}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>The node's audit row (the index of its ledger entry) for <paramref name="action"/>, waiting briefly for it.</summary>
    internal static async Task<AuditRow> EntryAsync(ExchangeNode node, string action)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = node.Db();
            if (await db.Audit.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).FirstOrDefaultAsync() is { } row)
            {
                return row;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"{node.NodeId} journalled no '{action}'");
    }
}
