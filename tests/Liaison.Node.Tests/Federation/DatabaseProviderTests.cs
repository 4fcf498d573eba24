using Liaison.Matching.Psi;
using Liaison.Node.Federation;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation;

/// <summary>The holder's selection of answering records and its budget charges run in SQL; they must behave the same on both databases.</summary>
public sealed class DatabaseProviderTests
{
    public static TheoryData<string> Providers() => Storage.Tests.TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_holder_answers_the_same_intersection_on_either_database(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var holder = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock, provider: provider);
        await using var querier = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await holder.ImportAsync("NL-1", "nl.jsonl",
            """{"id":"n1","schema":"Person","properties":{"name":["A"],"phone":["06 12345678"]}}""",
            """{"id":"n2","schema":"Person","liaison":{"subjects":"minor"},"properties":{"name":["B"],"phone":["06 22222222"]}}""",
            """{"id":"n3","schema":"Person","liaison":{"tlp":"TLP:RED"},"properties":{"name":["C"],"phone":["06 33333333"]}}""",
            """{"id":"n4","schema":"Person","properties":{"name":["D"],"email":["d@example.org"]}}""");
        await querier.ImportAsync("GB-1", "gb.jsonl",
            """{"id":"g1","schema":"Person","properties":{"name":["A"],"phone":["+31 6 1234 5678"],"email":["d@example.org"]}}""",
            """{"id":"g2","schema":"Person","properties":{"name":["B"],"phone":["+31 6 2222 2222"]}}""",
            """{"id":"g3","schema":"Person","properties":{"name":["C"],"phone":["+31 6 3333 3333"]}}""");
        await querier.AddUserAsync("investigator", "investigator", "GB-1");
        await holder.TrustAsync(querier);
        await querier.TrustAsync(holder);
        await holder.StartAsync();

        var result = await querier.MatchAsync("investigator", "GB-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone", "email");

        Assert.Equal([("email", "d@example.org", "g1"), ("phone", "+31612345678", "g1")],
            result.Hits.Select(h => (h.Kind, h.Value, string.Join(',', h.RecordIds))).Order());
        Assert.Equal(2, result.PeerSetSize);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restarted_holder_keeps_each_peer_budget_and_run_history_on_either_database(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var holder = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock, provider: provider);
        await using var querier = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await holder.ImportAsync("NL-1", "nl.jsonl", """{"id":"n1","schema":"Person","properties":{"name":["A"],"phone":["06 12345678"]}}""");
        await querier.ImportAsync("GB-1", "gb.jsonl",
            """{"id":"g1","schema":"Person","properties":{"name":["A"],"phone":["+31 6 1234 5678"]}}""",
            """{"id":"g2","schema":"Person","properties":{"name":["B"],"phone":["+31 6 2222 2222"]}}""");
        await querier.AddUserAsync("investigator", "investigator", "GB-1");
        await holder.TrustAsync(querier);
        await querier.TrustAsync(holder);
        static void Budget(IServiceCollection s) => s.Configure<PsiBudgetOptions>(o => o.MaxIdentifiersPerDay = 3);
        await holder.StartAsync(Budget);
        await querier.MatchAsync("investigator", "GB-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");

        await holder.StopAsync();
        await holder.StartAsync(Budget);
        var refused = await Assert.ThrowsAsync<HitNoHitException>(() =>
            querier.MatchAsync("investigator", "GB-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone"));

        Assert.Equal(429, refused.PeerStatus);
        await using var db = holder.Db();
        Assert.Equal(1, await db.HitNotices().CountAsync());
    }
}
