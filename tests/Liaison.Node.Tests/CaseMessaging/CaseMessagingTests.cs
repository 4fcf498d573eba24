using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Core.Identity;
using Liaison.Core.Markings;
using Liaison.Node.Retention;
using Liaison.Node.Tests.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Import;
using Liaison.Storage.Rows;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// Two nodes on loopback, case messaging over HTTP end to end: GB's supervisor shares records of a
/// case with NL through the policy, NL holds read-only copies that follow GB's updates and withdrawals,
/// and a share the policy refuses sends nothing.
/// </summary>
public sealed class CaseMessagingTests
{
    private const string Case = CaseNodes.Case;
    private const string Purpose = CaseNodes.Purpose;

    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Shared_records_arrive_as_read_only_copies_that_follow_the_originators_updates_and_withdrawals(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        var (gbNode, nlNode) = (nodes.Gb, nodes.Nl);
        var gb = await SignInAsync(gbNode, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "Two subjects of operation one", recordIds = new[] { "g-suspect", "g-victim" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await DeliveredAsync(gbNode);

        var copies = await CopiesAsync(nlNode);
        Assert.Equal(["gb-nca/g-suspect", "gb-nca/g-victim"], copies.Keys.Order(StringComparer.Ordinal));
        Assert.All(copies.Values, r =>
        {
            Assert.True(r.IsReceivedCopy);
            Assert.Equal("gb-nca", r.OriginNode);
            Assert.Equal("gb-nca:" + Case, r.CaseId);
            Assert.True((Tlp)r.Tlp >= Tlp.Amber, "markings never widen: at least AMBER");
            Assert.True(((HandlingCodes)r.HandlingCodes).HasFlag(Handling.LawEnforcementOnly.Codes));
        });
        Assert.Contains("Ivan Petrov", copies["gb-nca/g-suspect"].PropertiesJson, StringComparison.Ordinal);
        // The victim left GB pseudonymised, as the gb-to-eu-adequacy rule requires.
        Assert.DoesNotContain("Maria Ionescu", copies["gb-nca/g-victim"].PropertiesJson, StringComparison.Ordinal);
        Assert.Contains("PSN-", copies["gb-nca/g-victim"].PropertiesJson, StringComparison.Ordinal);

        var nl = await SignInAsync(nlNode, "desk");
        var threads = await nl.GetStringAsync($"/api/cases/gb-nca:{Case}/messages?purpose={Purpose}");
        using (var doc = JsonDocument.Parse(threads))
        {
            var message = Assert.Single(Assert.Single(doc.RootElement.EnumerateArray().ToList()).GetProperty("messages").EnumerateArray().ToList());
            Assert.Equal("gb-nca", message.GetProperty("author").GetString());
            Assert.Equal(2, message.GetProperty("records").GetArrayLength());
        }

        // Read-only: an import at NL cannot overwrite the copy.
        try
        {
            await new ImportService(nlNode.Config, TimeProvider.System).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(
                """{"id":"gb-nca/g-suspect","schema":"Person","properties":{"name":["Overwritten"]}}""" + "\n")), "nl.jsonl",
                new ImportOptions { ImportedBy = "test", CaseId = "gb-nca:" + Case });
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
        }
        Assert.Contains("Ivan Petrov", (await CopiesAsync(nlNode))["gb-nca/g-suspect"].PropertiesJson, StringComparison.Ordinal);

        // GB changes its record and sends the update: NL follows.
        await using (var db = gbNode.Db())
        {
            var row = await db.Records.FirstAsync(r => r.Id == "g-suspect");
            row.PropertiesJson = """{"name":["Ivan Petrov"],"phone":["+44 7911 123456"],"nationality":["ru"]}""";
            await db.SaveChangesAsync();
        }
        var updated = await gb.PostAsync($"/api/cases/{Case}/records/g-suspect/update?purpose={Purpose}", null);
        Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        await DeliveredAsync(gbNode);
        Assert.Contains("nationality", (await CopiesAsync(nlNode))["gb-nca/g-suspect"].PropertiesJson, StringComparison.Ordinal);
        await using (var db = nlNode.Db())
        {
            Assert.Equal(2, (await db.Set<ReceivedCopyRow>().SingleAsync(c => c.RecordId == "g-suspect")).Version);
        }

        // GB withdraws the victim's record: NL's copy disappears.
        var withdrawn = await gb.PostAsync($"/api/cases/{Case}/records/g-victim/withdraw?purpose={Purpose}", null);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        await DeliveredAsync(gbNode);
        Assert.Equal(["gb-nca/g-suspect"], (await CopiesAsync(nlNode)).Keys);
        await using (var db = nlNode.Db())
        {
            Assert.False(await db.Set<ReceivedCopyRow>().AnyAsync(c => c.RecordId == "g-victim"));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_retention_purge_withdraws_a_shared_record_from_every_recipient_once(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        var (gbNode, nlNode, gbApp, nlApp) = (nodes.Gb, nodes.Nl, nodes.GbApp, nodes.NlApp);
        var gb = await SignInAsync(gbNode, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "one", recordIds = new[] { "g-suspect", "g-victim" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await DeliveredAsync(gbNode);
        var purged = new[] { new PurgedRecord("g-suspect", Case, "gb-nca"), new PurgedRecord("g-minor", Case, "gb-nca") };

        // Called twice, as after a crash between queueing and marking the records announced.
        var first = await WithdrawAsync(gbApp, purged);
        var again = await WithdrawAsync(gbApp, purged);

        Assert.Equal([new QueuedWithdrawal("g-suspect", "nl-politie")], first);
        Assert.Equal(first, again);
        Assert.Single(await gbNode.OutboxAsync(), r => r.Type == "record.withdraw");
        await DeliveredAsync(gbNode);
        Assert.Equal(["gb-nca/g-victim"], (await CopiesAsync(nlNode)).Keys);

        // NL's own purge of the copy it holds forgets the copy, and a later update of it is not taken back in.
        Assert.Empty(await WithdrawAsync(nlApp, [new PurgedRecord("gb-nca/g-victim", "gb-nca:" + Case, "gb-nca")]));
        await using var db = nlNode.Db();
        Assert.False(await db.Set<ReceivedCopyRow>().AnyAsync());
        Assert.True(await db.Set<CaseWithdrawalRow>().AnyAsync(w => w.RecordId == "g-victim"));
    }

    private static async Task<IReadOnlyList<QueuedWithdrawal>> WithdrawAsync(Microsoft.AspNetCore.Builder.WebApplication app, IReadOnlyList<PurgedRecord> records)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IRecordWithdrawals>().WithdrawAsync(records, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_share_the_policy_denies_is_refused_naming_the_rule_and_nothing_is_sent(string provider)
    {
        await using var nodes = await CaseNodes.CreateAsync(provider);
        var gbNode = nodes.Gb;
        var gb = await SignInAsync(gbNode, "sup");
        var before = (await gbNode.OutboxAsync()).Count;

        var response = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "A child", recordIds = new[] { "g-suspect", "g-minor" }, purpose = Purpose });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("no-legal-basis", body, StringComparison.Ordinal);
        Assert.Contains("g-minor", body, StringComparison.Ordinal);
        Assert.Equal(before, (await gbNode.OutboxAsync()).Count);
        await using var db = gbNode.Db();
        Assert.False(await db.Set<CaseShareRow>().AnyAsync());
    }

    [Fact]
    public async Task A_caller_whose_role_may_not_share_is_refused()
    {
        await using var nodes = await CaseNodes.CreateAsync("sqlite");
        var gbNode = nodes.Gb;
        await AddUserAsync(gbNode, "inv", "investigator", Case);
        var gb = await SignInAsync(gbNode, "inv");

        var response = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "x", recordIds = new[] { "g-suspect" }, purpose = Purpose });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await gbNode.OutboxAsync());
    }

    private static Task DeliveredAsync(ExchangeNode node) => CaseNodes.DeliveredAsync(node);

    private static Task<Dictionary<string, RecordRow>> CopiesAsync(ExchangeNode node) => CaseNodes.CopiesAsync(node);

    private static Task AddUserAsync(ExchangeNode node, string userName, string roles, string? caseId) => CaseNodes.AddUserAsync(node, userName, roles, caseId);

    private static Task<HttpClient> SignInAsync(ExchangeNode node, string user) => CaseNodes.SignInAsync(node, user);
}
