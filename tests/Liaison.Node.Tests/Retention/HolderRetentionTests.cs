using Liaison.Matching.Psi;
using Liaison.Node.Tests.Federation;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Retention;

/// <summary>On the holder side of hit/no-hit, a record past its review date neither answers nor counts.</summary>
public sealed class HolderRetentionTests
{
    public static TheoryData<string> Providers() => Storage.Tests.TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_overdue_record_gives_no_hit_and_is_not_in_the_peer_set(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var holder = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock, provider: provider);
        await using var querier = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await holder.ImportAsync("NL-1", "nl.jsonl",
            """{"id":"n1","schema":"Person","properties":{"name":["A"],"phone":["06 12345678"]}}""",
            """{"id":"n5","schema":"Person","liaison":{"reviewDate":"2026-11-19"},"properties":{"name":["E"],"phone":["06 55555555"]}}""");
        await querier.ImportAsync("GB-1", "gb.jsonl",
            """{"id":"g1","schema":"Person","properties":{"name":["A"],"phone":["+31 6 1234 5678"]}}""",
            """{"id":"g5","schema":"Person","properties":{"name":["E"],"phone":["+31 6 5555 5555"]}}""");
        await querier.AddUserAsync("investigator", "investigator", "GB-1");
        await holder.TrustAsync(querier);
        await querier.TrustAsync(holder);
        await holder.StartAsync();

        var result = await querier.MatchAsync("investigator", "GB-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");

        Assert.Equal([("phone", "+31612345678", "g1")], result.Hits.Select(h => (h.Kind, h.Value, string.Join(',', h.RecordIds))));
        Assert.Equal(1, result.PeerSetSize);
    }
}
