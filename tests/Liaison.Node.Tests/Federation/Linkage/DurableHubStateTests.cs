using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Federation;
using Liaison.Node.Federation.Linkage;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation.Linkage;

/// <summary>
/// The linkage hub's runs and the hit/no-hit replay filter live in the node's database: a restarted hub
/// still knows a half-uploaded run, a message id accepted before a restart is refused after it, and the
/// clean-up deletes expired runs and ids — on SQLite and on PostgreSQL.
/// </summary>
public sealed class DurableHubStateTests
{
    private const string Run = "durable-2026-11";
    private const string Secret = "a secret gb and nl share, never the hub\n";

    public static TheoryData<string> Providers() => Storage.Tests.TestNode.Providers();

    private static void Hub(IServiceCollection s) => s.Configure<LinkageHubOptions>(o =>
    {
        o.Enabled = true;
        o.Threshold = 0.75;
        o.RunLifetimeHours = 24;
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restarted_hub_still_knows_the_run_and_links_it_when_the_last_participant_uploads(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", clock, provider: provider);
        await using var gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await using var nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock);
        var (gbClient, nlClient) = await ParticipantsAsync(hub, gb, nl);
        await hub.StartAsync(Hub);

        var first = await UploadAsync(gbClient, "GB-1", "nl-politie");
        await hub.StopAsync();
        await hub.StartAsync(Hub);
        var second = await UploadAsync(nlClient, "NL-1", "gb-nca");
        var gbResult = await ResultAsync(gbClient, "GB-1");

        Assert.Equal(["nl-politie"], first.WaitingFor);
        Assert.Empty(second.WaitingFor);
        Assert.True(gbResult.Complete);
        Assert.True(gbResult.Links.Count >= 15, $"{gbResult.Links.Count} links of 20 duplicates");
        Assert.All(gbResult.Links, l => Assert.StartsWith("gb-", l.RecordId, StringComparison.Ordinal));
        await using var db = hub.Db();
        var uploads = await db.LinkageUploads().AsNoTracking().ToListAsync();
        Assert.Equal([("gb-nca", 20), ("nl-politie", 20)], uploads.Select(u => (u.Participant, u.ClkCount)).Order());
        Assert.All(uploads, u => Assert.Null(u.Clks)); // linked: the hub no longer holds the CLKs
        Assert.Equal(gbResult.Links.Count, (await db.LinkageResults().SingleAsync()).LinkCount);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_hub_operator_sees_runs_participants_and_counts_and_no_record_reference(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", clock, provider: provider);
        await using var gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await using var nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock);
        var (gbClient, nlClient) = await ParticipantsAsync(hub, gb, nl);
        await hub.AddUserAsync("operator", "admin", "HUB-1");
        await hub.AddUserAsync("investigator", "investigator", "HUB-1");
        await hub.StartAsync(Hub);
        await UploadAsync(gbClient, "GB-1", "nl-politie");

        var operatorClient = await hub.SignInAsync("operator");
        var open = await operatorClient.GetFromJsonAsync<LinkageHubRun[]>("/api/linkage-hub/runs");
        await UploadAsync(nlClient, "NL-1", "gb-nca");
        await ResultAsync(gbClient, "GB-1");
        var body = await operatorClient.GetStringAsync("/api/linkage-hub/runs");
        var denied = await (await hub.SignInAsync("investigator")).GetAsync("/api/linkage-hub/runs");

        var before = Assert.Single(open!);
        Assert.Equal(("open", "gb-nca:20 nl-politie:-"), (before.State, string.Join(' ', before.Participants.Select(p => $"{p.NodeId}:{p.Clks?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"))));
        var linked = Assert.Single(JsonSerializer.Deserialize<LinkageHubRun[]>(body, JsonSerializerOptions.Web)!);
        Assert.Equal("linked", linked.State);
        Assert.True(linked.Links >= 15, body);
        Assert.DoesNotContain("rec-", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_expired_run_answers_as_unknown_and_the_clean_up_deletes_it_with_its_uploads_and_results(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", clock, provider: provider);
        await using var gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await using var nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock);
        var (gbClient, nlClient) = await ParticipantsAsync(hub, gb, nl);
        await hub.StartAsync(Hub);
        await UploadAsync(gbClient, "GB-1", "nl-politie");
        await UploadAsync(nlClient, "NL-1", "gb-nca");
        await ResultAsync(gbClient, "GB-1");

        clock.Advance(TimeSpan.FromHours(25));
        gbClient = await gb.SignInAsync("investigator"); // the first sign-in has expired too
        var late = await gbClient.GetAsync($"/api/cases/GB-1/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation");
        await FederationJanitor.PurgeAsync(hub.Config, clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadGateway, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("linkage-unknown-run", 404), (problem.GetProperty("peerRule").GetString(), problem.GetProperty("peerStatus").GetInt32()));
        await using var db = hub.Db();
        Assert.Equal((0, 0, 0), (await db.LinkageRuns().CountAsync(), await db.LinkageUploads().CountAsync(), await db.LinkageResults().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_id_accepted_before_a_restart_is_refused_after_it_until_it_expires(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var node = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock, withIdentity: false, provider: provider);
        var skew = TimeSpan.FromMinutes(2);
        var now = clock.GetUtcNow();
        var query = new EnvelopeHeader("m-1", "gb-nca", "nl-politie", now, now.AddMinutes(5), "psi.query", "GB-1", HandlingCodes.H0, Tlp.Amber);
        var other = query with { Sender = "de-bka" };

        var before = new DurableReplayCache(node.Config, clock, skew);
        var accepted = await before.TryRememberAsync(query);
        var restarted = new DurableReplayCache(node.Config, clock, skew);
        var replayed = await restarted.TryRememberAsync(query);
        var seen = await restarted.HasSeenAsync("gb-nca", "m-1");
        var sameIdOtherSender = await restarted.TryRememberAsync(other);
        clock.Advance(TimeSpan.FromMinutes(8));
        var forgotten = await FederationJanitor.PurgeAsync(node.Config, clock.GetUtcNow(), CancellationToken.None);

        Assert.True(accepted);
        Assert.False(replayed);
        Assert.True(seen);
        Assert.True(sameIdOtherSender);
        Assert.Equal(2, forgotten.ReplayIds);
        Assert.False(await restarted.HasSeenAsync("gb-nca", "m-1"));
    }

    private static async Task<(HttpClient Gb, HttpClient Nl)> ParticipantsAsync(FederatedNode hub, FederatedNode gb, FederatedNode nl)
    {
        // GB holds 20 FEBRL originals, NL their 20 corrupted duplicates.
        var originals = FebrlPersons.Read("dataset4a.csv", "gb-").Take(20).ToList();
        var people = originals.Select(o => FebrlPersons.Person(o.RecId)).ToHashSet();
        var duplicates = FebrlPersons.Read("dataset4b.csv", "nl-").Where(d => people.Contains(FebrlPersons.Person(d.RecId))).ToList();
        await gb.ImportAsync("GB-1", "gb.jsonl", originals.Select(o => o.Line).ToArray());
        await nl.ImportAsync("NL-1", "nl.jsonl", duplicates.Select(d => d.Line).ToArray());
        foreach (var (node, caseId) in new[] { (gb, "GB-1"), (nl, "NL-1") })
        {
            await node.AddUserAsync("investigator", "investigator", caseId);
            Directory.CreateDirectory(Path.Combine(node.Config.Directory, "linkage"));
            await File.WriteAllTextAsync(Path.Combine(node.Config.Directory, "linkage", "clk-secret"), Secret);
            await node.TrustAsync(hub);
            await hub.TrustAsync(node);
            await node.StartAsync();
        }
        return (await gb.SignInAsync("investigator"), await nl.SignInAsync("investigator"));
    }

    private static async Task<LinkageReceipt> UploadAsync(HttpClient client, string caseId, string other)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/linkage",
            new { hub = "eu-hub", run = Run, participants = new[] { other }, purpose = "criminal-investigation" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LinkageReceipt>())!;
    }

    private static async Task<LinkageCaseResult> ResultAsync(HttpClient client, string caseId) =>
        (await client.GetFromJsonAsync<LinkageCaseResult>($"/api/cases/{caseId}/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation"))!;
}
