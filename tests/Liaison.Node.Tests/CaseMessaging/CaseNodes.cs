using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Core.Identity;
using Liaison.Exchange.Delivery;
using Liaison.Node.Tests.Exchange;
using Liaison.Storage.Import;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// GB (the originator, with operation GB-OP-1 imported and a supervisor) and NL (a liaison desk) on
/// loopback, on one database provider; <see cref="AddThirdAsync"/> adds a third node that trusts NL
/// only, for forwarding. Each node's records are imported as its own.
/// </summary>
internal sealed class CaseNodes : IAsyncDisposable
{
    public const string Case = "GB-OP-1";
    public const string Purpose = "criminal-investigation";
    private const string Password = "case messaging test password";

    private CaseNodes(ExchangeNode gb, ExchangeNode nl, string provider)
    {
        Gb = gb;
        Nl = nl;
        Provider = provider;
    }

    public ExchangeNode Gb { get; }
    public ExchangeNode Nl { get; }
    public ExchangeNode? Third { get; private set; }
    public WebApplication GbApp { get; private set; } = null!;
    public WebApplication NlApp { get; private set; } = null!;
    public WebApplication? ThirdApp { get; private set; }
    public string Provider { get; }

    /// <summary>GB's records of <see cref="Case"/>: a suspect, a victim, a minor, and records marked H1, H3 and AMBER+STRICT.</summary>
    public static readonly string[] GbRecords =
    [
        """{"id":"g-suspect","schema":"Person","properties":{"name":["Ivan Petrov"],"phone":["+44 7911 123456"]}}""",
        """{"id":"g-victim","schema":"Person","liaison":{"subjects":"victim"},"properties":{"name":["Maria Ionescu"],"phone":["+40 721 555 111"]}}""",
        """{"id":"g-minor","schema":"Person","liaison":{"subjects":"minor"},"properties":{"name":["Young Person"]}}""",
        """{"id":"g-h1","schema":"Person","liaison":{"handling":"H1"},"properties":{"name":["Oleg Sidorov"]}}""",
        """{"id":"g-h3","schema":"Person","liaison":{"handling":"H3","restriction":"Not to be passed on: informant's lead"},"properties":{"name":["Pavel Orlov"]}}""",
        """{"id":"g-strict","schema":"Person","liaison":{"tlp":"amber+strict"},"properties":{"name":["Sergei Volkov"]}}""",
    ];

    public static async Task<CaseNodes> CreateAsync(string provider)
    {
        var gb = await ExchangeNode.CreateAsync("gb-nca", "GB", provider);
        var nl = await ExchangeNode.CreateAsync("nl-politie", "NL", provider);
        var nodes = new CaseNodes(gb, nl, provider);
        await gb.TrustAsync(nl);
        await nl.TrustAsync(gb);
        await new ImportService(gb.Config, TimeProvider.System).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', GbRecords) + "\n")),
            "gb.jsonl", new ImportOptions { ImportedBy = "test", CaseId = Case });
        await AddUserAsync(gb, "sup", "supervisor", Case);
        await AddUserAsync(nl, "desk", "liaison-officer", null);
        nodes.GbApp = await gb.StartReplicaAsync();
        nodes.NlApp = await nl.StartReplicaAsync();
        return nodes;
    }

    /// <summary>A third node (<paramref name="nodeId"/> in <paramref name="jurisdiction"/>) that NL knows and that knows NL — not GB.</summary>
    public async Task<ExchangeNode> AddThirdAsync(string nodeId, string jurisdiction)
    {
        var third = await ExchangeNode.CreateAsync(nodeId, jurisdiction, Provider);
        await third.TrustAsync(Nl);
        await Nl.TrustAsync(third);
        await AddUserAsync(third, "desk", "liaison-officer", null);
        Third = third;
        ThirdApp = await third.StartReplicaAsync();
        return third;
    }

    public static async Task AddUserAsync(ExchangeNode node, string userName, string roles, string? caseId)
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

    public static async Task<HttpClient> SignInAsync(ExchangeNode node, string user)
    {
        var client = new HttpClient { BaseAddress = node.Endpoint };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits for <paramref name="node"/>'s outbox to be delivered; a message still pending fails with its last error.</summary>
    public static async Task DeliveredAsync(ExchangeNode node)
    {
        try
        {
            await node.DrainAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("; ", (await node.OutboxAsync()).Select(r => $"{r.Type} {r.State} {r.Attempts} {r.LastError}")));
        }
        Assert.All(await node.OutboxAsync(), r => Assert.True(r.State == OutboxState.Delivered, $"{r.Type} {r.State} {r.LastError}"));
    }

    /// <summary>The received copies <paramref name="node"/> holds, by local id.</summary>
    public static async Task<Dictionary<string, RecordRow>> CopiesAsync(ExchangeNode node)
    {
        await using var db = node.Db();
        return await db.Records.AsNoTracking().Where(r => r.IsReceivedCopy).ToDictionaryAsync(r => r.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Gb.DisposeAsync();
        await Nl.DisposeAsync();
        if (Third is not null)
        {
            await Third.DisposeAsync();
        }
    }
}
