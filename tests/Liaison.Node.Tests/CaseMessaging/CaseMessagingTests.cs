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
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// Two nodes on loopback, case messaging over HTTP end to end: GB's supervisor shares records of a
/// case with NL through the policy, NL holds read-only copies that follow GB's updates and withdrawals,
/// and a share the policy refuses sends nothing.
/// </summary>
public sealed class CaseMessagingTests : IAsyncLifetime
{
    private const string Case = "GB-OP-1";
    private const string Password = "case messaging test password";
    private const string Purpose = "criminal-investigation";
    private ExchangeNode _gb = null!;
    private ExchangeNode _nl = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _gbApp = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _nlApp = null!;

    public async Task InitializeAsync()
    {
        _gb = await ExchangeNode.CreateAsync("gb-nca", "GB");
        _nl = await ExchangeNode.CreateAsync("nl-politie", "NL");
        await _gb.TrustAsync(_nl);
        await _nl.TrustAsync(_gb);
        await new ImportService(_gb.Config, TimeProvider.System).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n',
            """{"id":"g-suspect","schema":"Person","properties":{"name":["Ivan Petrov"],"phone":["+44 7911 123456"]}}""",
            """{"id":"g-victim","schema":"Person","liaison":{"subjects":"victim"},"properties":{"name":["Maria Ionescu"],"phone":["+40 721 555 111"]}}""",
            """{"id":"g-minor","schema":"Person","liaison":{"subjects":"minor"},"properties":{"name":["Young Person"]}}""") + "\n")),
            "gb.jsonl", new ImportOptions { ImportedBy = "test", CaseId = Case });
        await AddUserAsync(_gb, "sup", "supervisor", Case);
        await AddUserAsync(_nl, "desk", "liaison-officer", null);
        _gbApp = await _gb.StartReplicaAsync();
        _nlApp = await _nl.StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        await _gb.DisposeAsync();
        await _nl.DisposeAsync();
    }

    [Fact]
    public async Task Shared_records_arrive_as_read_only_copies_that_follow_the_originators_updates_and_withdrawals()
    {
        var gb = await SignInAsync(_gb, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "Two subjects of operation one", recordIds = new[] { "g-suspect", "g-victim" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await DeliveredAsync();

        var copies = await CopiesAsync();
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

        var nl = await SignInAsync(_nl, "desk");
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
            await new ImportService(_nl.Config, TimeProvider.System).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(
                """{"id":"gb-nca/g-suspect","schema":"Person","properties":{"name":["Overwritten"]}}""" + "\n")), "nl.jsonl",
                new ImportOptions { ImportedBy = "test", CaseId = "gb-nca:" + Case });
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
        }
        Assert.Contains("Ivan Petrov", (await CopiesAsync())["gb-nca/g-suspect"].PropertiesJson, StringComparison.Ordinal);

        // GB changes its record and sends the update: NL follows.
        await using (var db = _gb.Db())
        {
            var row = await db.Records.FirstAsync(r => r.Id == "g-suspect");
            row.PropertiesJson = """{"name":["Ivan Petrov"],"phone":["+44 7911 123456"],"nationality":["ru"]}""";
            await db.SaveChangesAsync();
        }
        var updated = await gb.PostAsync($"/api/cases/{Case}/records/g-suspect/update?purpose={Purpose}", null);
        Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        await DeliveredAsync();
        Assert.Contains("nationality", (await CopiesAsync())["gb-nca/g-suspect"].PropertiesJson, StringComparison.Ordinal);
        await using (var db = _nl.Db())
        {
            Assert.Equal(2, (await db.Set<ReceivedCopyRow>().SingleAsync(c => c.RecordId == "g-suspect")).Version);
        }

        // GB withdraws the victim's record: NL's copy disappears.
        var withdrawn = await gb.PostAsync($"/api/cases/{Case}/records/g-victim/withdraw?purpose={Purpose}", null);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        await DeliveredAsync();
        Assert.Equal(["gb-nca/g-suspect"], (await CopiesAsync()).Keys);
        await using (var db = _nl.Db())
        {
            Assert.False(await db.Set<ReceivedCopyRow>().AnyAsync(c => c.RecordId == "g-victim"));
        }
    }

    [Fact]
    public async Task A_retention_purge_withdraws_a_shared_record_from_every_recipient_once()
    {
        var gb = await SignInAsync(_gb, "sup");
        var sent = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "one", recordIds = new[] { "g-suspect", "g-victim" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await DeliveredAsync();
        var purged = new[] { new PurgedRecord("g-suspect", Case, "gb-nca"), new PurgedRecord("g-minor", Case, "gb-nca") };

        // Called twice, as after a crash between queueing and marking the records announced.
        var first = await WithdrawAsync(_gbApp, purged);
        var again = await WithdrawAsync(_gbApp, purged);

        Assert.Equal([new QueuedWithdrawal("g-suspect", "nl-politie")], first);
        Assert.Equal(first, again);
        Assert.Single(await _gb.OutboxAsync(), r => r.Type == "record.withdraw");
        await DeliveredAsync();
        Assert.Equal(["gb-nca/g-victim"], (await CopiesAsync()).Keys);

        // NL's own purge of the copy it holds forgets the copy, and a later update of it is not taken back in.
        Assert.Empty(await WithdrawAsync(_nlApp, [new PurgedRecord("gb-nca/g-victim", "gb-nca:" + Case, "gb-nca")]));
        await using var db = _nl.Db();
        Assert.False(await db.Set<ReceivedCopyRow>().AnyAsync());
        Assert.True(await db.Set<CaseWithdrawalRow>().AnyAsync(w => w.RecordId == "g-victim"));
    }

    private static async Task<IReadOnlyList<QueuedWithdrawal>> WithdrawAsync(Microsoft.AspNetCore.Builder.WebApplication app, IReadOnlyList<PurgedRecord> records)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IRecordWithdrawals>().WithdrawAsync(records, CancellationToken.None);
    }

    [Fact]
    public async Task A_share_the_policy_denies_is_refused_naming_the_rule_and_nothing_is_sent()
    {
        var gb = await SignInAsync(_gb, "sup");
        var before = (await _gb.OutboxAsync()).Count;

        var response = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "A child", recordIds = new[] { "g-suspect", "g-minor" }, purpose = Purpose });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("no-legal-basis", body, StringComparison.Ordinal);
        Assert.Contains("g-minor", body, StringComparison.Ordinal);
        Assert.Equal(before, (await _gb.OutboxAsync()).Count);
        await using var db = _gb.Db();
        Assert.False(await db.Set<CaseShareRow>().AnyAsync());
    }

    [Fact]
    public async Task A_caller_whose_role_may_not_share_is_refused()
    {
        await AddUserAsync(_gb, "inv", "investigator", Case);
        var gb = await SignInAsync(_gb, "inv");

        var response = await gb.PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "x", recordIds = new[] { "g-suspect" }, purpose = Purpose });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _gb.OutboxAsync());
    }

    /// <summary>Waits for GB's outbox to be delivered; a message still pending fails with its last error.</summary>
    private async Task DeliveredAsync()
    {
        try
        {
            await _gb.DrainAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("; ", (await _gb.OutboxAsync()).Select(r => $"{r.Type} {r.State} {r.Attempts} {r.NextAttemptAt:O} {r.CreatedAt:O} now {DateTimeOffset.UtcNow:O} {r.LastError}")));
        }
        Assert.All(await _gb.OutboxAsync(), r => Assert.True(r.State == Liaison.Exchange.Delivery.OutboxState.Delivered, $"{r.Type} {r.State} {r.LastError}"));
    }

    private async Task<Dictionary<string, RecordRow>> CopiesAsync()
    {
        await using var db = _nl.Db();
        return await db.Records.AsNoTracking().Where(r => r.IsReceivedCopy).ToDictionaryAsync(r => r.Id);
    }

    private static async Task AddUserAsync(ExchangeNode node, string userName, string roles, string? caseId)
    {
        await using var db = node.Db();
        db.Users.Add(new UserRow
        {
            UserName = userName, DisplayName = userName, PasswordHash = new PasswordHasher(1_000).Hash(Password), Roles = roles, CreatedAt = DateTimeOffset.UtcNow,
        });
        if (caseId is not null)
        {
            db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = userName });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<HttpClient> SignInAsync(ExchangeNode node, string user)
    {
        var client = new HttpClient { BaseAddress = node.Endpoint };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
