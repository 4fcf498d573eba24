using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Liaison.Core.Identity;
using Liaison.Core.Markings;
using Liaison.Exchange;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Exchange;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Exchange;

/// <summary>What the receiving endpoint refuses, how it answers and journals, and what the sender does about it.</summary>
[Collection(ExchangeCollection.Name)]
public sealed class RefusalTests
{
    [Fact]
    public async Task A_sender_the_peer_does_not_know_is_refused_and_journalled_then_delivered_once_the_peer_adds_it()
    {
        await using var gb = await ExchangeNode.CreateAsync("gb-nca", "GB");
        await using var nl = await ExchangeNode.CreateAsync("nl-politie", "NL");
        await gb.TrustAsync(nl);
        await nl.StartReplicaAsync(s => s.AddInboundMessageHandler<TestMessages>());
        var sent = await gb.EnqueueAsync("nl-politie", 3);
        await gb.StartReplicaAsync();

        await WaitAsync(async () => (await gb.OutboxAsync()).All(r => r.Attempts >= 2));
        var waiting = await gb.OutboxAsync();
        Assert.All(waiting, r => Assert.Equal(OutboxState.Pending, r.State));
        Assert.All(waiting, r => Assert.Contains("UnknownSender", r.LastError, StringComparison.Ordinal));
        await using (var db = nl.Db())
        {
            Assert.Empty(await TestMessages.AppliedAsync(db));
            Assert.Contains(await db.Audit.AsNoTracking().ToListAsync(),
                a => a.Action == "exchange.receive" && a.Decision == "deny" && a.Actor == "unverified:gb-nca" && a.Detail!.Contains("UnknownSender", StringComparison.Ordinal));
        }

        await nl.TrustAsync(gb);
        await gb.DrainAsync(TimeSpan.FromSeconds(30));

        await using var after = nl.Db();
        Assert.Equal(sent.Order(StringComparer.Ordinal), (await TestMessages.AppliedAsync(after)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_message_the_peer_cannot_act_on_is_dead_lettered_at_once_and_an_operator_can_send_it_again()
    {
        await using var gb = await ExchangeNode.CreateAsync("gb-nca", "GB");
        await using var nl = await ExchangeNode.CreateAsync("nl-politie", "NL");
        await gb.TrustAsync(nl);
        await nl.TrustAsync(gb);
        await nl.StartReplicaAsync(s => s.AddInboundMessageHandler<TestMessages>());
        var id = (await gb.EnqueueAsync("nl-politie", 1, TestMessages.Unreadable)).Single();
        await gb.StartReplicaAsync();

        await WaitAsync(async () => (await gb.OutboxAsync()).Single().State == OutboxState.Dead);
        var dead = (await gb.OutboxAsync()).Single();
        Assert.Equal(1, dead.Attempts);
        Assert.Contains("Unprocessable", dead.LastError, StringComparison.Ordinal);

        var admin = await SignInAsync(gb, "operator", "admin");
        var listed = await admin.GetFromJsonAsync<List<OutboxEntry>>("/api/exchange/outbox?state=dead");
        Assert.Equal(id, Assert.Single(listed!).Id);
        var investigator = await SignInAsync(gb, "someone", "investigator");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsync($"/api/exchange/outbox/{id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/exchange/outbox/{id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/exchange/outbox/not-dead/retry", null)).StatusCode);

        await WaitAsync(async () => (await gb.OutboxAsync()).Single() is { State: OutboxState.Dead, Attempts: 1 } row && row.NextAttemptAt > dead.NextAttemptAt);
        await using var db = gb.Db();
        Assert.Contains(await db.Audit.AsNoTracking().ToListAsync(), a => a.Action == "admin.outbox.retried" && a.Detail == "message " + id);
    }

    [Fact]
    public async Task Tampered_oversize_and_malformed_envelopes_are_refused_with_their_reason_and_journalled()
    {
        await using var gb = await ExchangeNode.CreateAsync("gb-nca", "GB");
        await using var nl = await ExchangeNode.CreateAsync("nl-politie", "NL");
        await gb.TrustAsync(nl);
        await nl.TrustAsync(gb);
        await nl.StartReplicaAsync(s =>
        {
            s.AddInboundMessageHandler<TestMessages>();
            s.Configure<ExchangeOptions>(o => o.MaxEnvelopeBytes = 8 * 1024);
        });
        using var federation = gb.OpenFederation();
        var peer = (await federation.Peers.FindAsync("nl-politie"))!;
        var sealedOk = federation.Sealer.Seal(new OutgoingMessage("nl-politie", TestMessages.Type, "{}"u8.ToArray(), "CASE-1", HandlingCodes.H2, Tlp.Amber), peer).Compact;
        var parts = sealedOk.Split('.');
        parts[3] = (parts[3][0] == 'A' ? "B" : "A") + parts[3][1..];
        using var http = new HttpClient { BaseAddress = nl.Endpoint };

        var tampered = await PostAsync(http, string.Join('.', parts));
        var oversize = await PostAsync(http, new string('A', 9 * 1024));
        var malformed = await PostAsync(http, "not.a.jwe");
        var wrongMedia = await http.PostAsync("/" + ExchangeMessages.InboxPath, new StringContent(sealedOk));
        var accepted = await PostAsync(http, sealedOk);
        var again = await PostAsync(http, sealedOk);

        Assert.Equal((HttpStatusCode.BadRequest, "DecryptionFailed"), tampered);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "Oversize"), oversize);
        Assert.Equal((HttpStatusCode.BadRequest, "Malformed"), malformed);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongMedia.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        await using var db = nl.Db();
        Assert.Single(await TestMessages.AppliedAsync(db));
        var refusals = await db.Audit.AsNoTracking().Where(a => a.Action == "exchange.receive" && a.Decision == "deny").Select(a => a.Rule).ToListAsync();
        Assert.Equal(["envelope-decryption-failed", "envelope-malformed", "envelope-oversize"], refusals.Order(StringComparer.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, string? Rejection)> PostAsync(HttpClient http, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(ExchangeMessages.JoseMediaType);
        var response = await http.PostAsync("/" + ExchangeMessages.InboxPath, content);
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, problem.RootElement.GetProperty("rejection").GetString());
    }

    private static async Task<HttpClient> SignInAsync(ExchangeNode node, string user, string roles)
    {
        const string password = "exchange test password";
        await using (var db = node.Db())
        {
            db.Users.Add(new UserRow
            {
                UserName = user, DisplayName = user, PasswordHash = new PasswordHasher(1_000).Hash(password), Roles = roles, CreatedAt = TimeProvider.System.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var client = new HttpClient { BaseAddress = node.Endpoint };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("condition not reached in 15 s");
    }
}
