using System.Net;
using System.Net.Http.Json;
using Liaison.Core.Markings;
using Liaison.Node.Retention;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// Three nodes: GB originates, NL's liaison desk passes GB's records on to DE (which knows NL, not GB).
/// Allowed where the share policy and GB's handling codes allow it; markings only narrow; DE keeps the
/// origin and who passed it on; GB's withdrawal reaches DE through NL.
/// </summary>
public sealed class ForwardingTests
{
    private const string Case = CaseNodes.Case;
    private const string Purpose = CaseNodes.Purpose;
    private const string IncomingCase = "gb-nca:" + Case;

    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_received_copy_passed_on_keeps_its_origin_and_markings_and_the_originators_withdrawal_reaches_the_third_node(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        var de = await nodes.AddThirdAsync("de-bka", "DE");
        var desk = await ShareWithNlAsync(nodes, "g-suspect", "g-h1");

        var forwarded = await desk.PostAsJsonAsync($"/api/cases/{Uri.EscapeDataString(IncomingCase)}/messages",
            new { peer = "de-bka", text = "GB's subjects, for your case", recordIds = new[] { "gb-nca/g-suspect", "gb-nca/g-h1" }, purpose = Purpose });
        Assert.True(forwarded.IsSuccessStatusCode, await forwarded.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Nl);

        var copies = await CaseNodes.CopiesAsync(de);
        Assert.Equal(["gb-nca/g-h1", "gb-nca/g-suspect"], copies.Keys.Order(StringComparer.Ordinal));
        Assert.All(copies.Values, r =>
        {
            Assert.Equal("gb-nca", r.OriginNode);
            Assert.Equal("Agency gb-nca", r.OriginAgency);
            Assert.Equal(IncomingCase, r.CaseId);
            Assert.True((Tlp)r.Tlp >= Tlp.Amber, "never wider than GB's message made it");
            Assert.True(((HandlingCodes)r.HandlingCodes).HasFlag(HandlingCodes.H0));
        });
        Assert.True(((HandlingCodes)copies["gb-nca/g-h1"].HandlingCodes).HasFlag(HandlingCodes.H1), "the originator's H1 travels on");
        await using (var db = de.Db())
        {
            var copy = await db.Set<ReceivedCopyRow>().AsNoTracking().SingleAsync(c => c.RecordId == "g-suspect");
            Assert.Equal("nl-politie", copy.SharedBy);
            Assert.Contains("peer:gb-nca", copy.SharedJson, StringComparison.Ordinal); // how NL got it: the chain back to the origin
        }
        var journalled = await ReceivedCopyTests.EntryAsync(de, "case.message-received");
        Assert.Equal("peer:nl-politie", journalled.Actor);

        var gb = await CaseNodes.SignInAsync(nodes.Gb, "sup");
        var withdrawn = await gb.PostAsync($"/api/cases/{Case}/records/g-suspect/withdraw?purpose={Purpose}", null);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);
        await CaseNodes.DeliveredAsync(nodes.Nl);

        Assert.Equal(["gb-nca/g-h1"], (await CaseNodes.CopiesAsync(de)).Keys);
        Assert.Equal(["gb-nca/g-h1"], (await CaseNodes.CopiesAsync(nodes.Nl)).Keys);
        var passedOn = await ReceivedCopyTests.EntryAsync(nodes.Nl, "case.record-withdrawal-received");
        Assert.Contains("passed-on gb-nca/g-suspect v1 to de-bka", passedOn.Detail, StringComparison.Ordinal);

        // NL's retention purge of its own copy takes the copy it passed on with it (asked twice, as after a crash: queued once).
        var purged = new[] { new PurgedRecord("gb-nca/g-h1", IncomingCase, "gb-nca") };
        Assert.Equal([new QueuedWithdrawal("gb-nca/g-h1", "de-bka")], await PurgeAsync(nodes, purged));
        Assert.Equal([new QueuedWithdrawal("gb-nca/g-h1", "de-bka")], await PurgeAsync(nodes, purged));
        await CaseNodes.DeliveredAsync(nodes.Nl);
        // Two withdrawals to DE in all: GB's of g-suspect passed on, and this purge's of g-h1 — once, though asked twice.
        Assert.Equal(2, (await nodes.Nl.OutboxAsync()).Count(r => r.Type == "record.withdraw" && r.Recipient == "de-bka"));
        Assert.Empty(await CaseNodes.CopiesAsync(de));
    }

    private static async Task<IReadOnlyList<QueuedWithdrawal>> PurgeAsync(CaseNodes nodes, IReadOnlyList<PurgedRecord> records)
    {
        using var scope = nodes.NlApp.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IRecordWithdrawals>().WithdrawAsync(records, CancellationToken.None);
    }

    [Theory]
    [InlineData("gb-nca/g-h3", Purpose, "h3-originator-only")]
    [InlineData("gb-nca/g-h1", "prosecution", "h1-no-judicial-use-onward")]
    [InlineData("gb-nca/g-strict", Purpose, "tlp-amber-strict-organisation-only")]
    public async Task Passing_on_what_the_originator_restricted_is_refused_naming_the_rule_and_nothing_is_sent(string recordId, string purpose, string rule)
    {
        await using var nodes = await CaseNodes.CreateAsync("sqlite");
        await nodes.AddThirdAsync("de-bka", "DE");
        var desk = await ShareWithNlAsync(nodes, "g-suspect", "g-h1", "g-h3", "g-strict");

        var response = await desk.PostAsJsonAsync($"/api/cases/{Uri.EscapeDataString(IncomingCase)}/messages",
            new { peer = "de-bka", text = "Passing on", recordIds = new[] { "gb-nca/g-suspect", recordId }, purpose });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(rule, body, StringComparison.Ordinal);
        Assert.Contains(recordId, body, StringComparison.Ordinal);
        Assert.Empty(await nodes.Nl.OutboxAsync());
        await using var db = nodes.Nl.Db();
        Assert.False(await db.Set<CaseShareRow>().AnyAsync());
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "share" && a.Decision == "deny" && a.Rule == rule), "the refusal is journalled");
    }

    /// <summary>GB's supervisor shares the records with NL; returns NL's liaison desk, signed in.</summary>
    private static async Task<HttpClient> ShareWithNlAsync(CaseNodes nodes, params string[] recordIds)
    {
        var gb = await CaseNodes.SignInAsync(nodes.Gb, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages", new { peer = "nl-politie", text = "For NL", recordIds, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await CaseNodes.DeliveredAsync(nodes.Gb);
        return await CaseNodes.SignInAsync(nodes.Nl, "desk");
    }
}
