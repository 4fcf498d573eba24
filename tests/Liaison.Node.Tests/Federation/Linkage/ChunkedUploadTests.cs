using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Liaison.Exchange;
using Liaison.Matching.Clk;
using Liaison.Node.Federation;
using Liaison.Node.Federation.Linkage;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation.Linkage;

/// <summary>
/// Chunked CLK uploads: with the envelope limit lowered so that a case's CLKs need several envelopes,
/// live nodes still link through the hub; and the hub's parts store refuses parts out of order, parts
/// that contradict the first or a number already taken, and a set whose digest does not match — while a
/// part sent again is harmless. On SQLite and on PostgreSQL.
/// </summary>
public sealed class ChunkedUploadTests
{
    private const string Run = "chunked-2026-11";
    private const string Secret = "a secret gb and nl share, never the hub\n";
    private const int SmallEnvelope = 20 * 1024; // 20 FEBRL persons then need several parts
    private static readonly string[] Participants = ["gb-nca", "nl-politie"];
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Providers() => Storage.Tests.TestNode.Providers();

    private static void SmallEnvelopes(IServiceCollection s) => s.Configure<ExchangeOptions>(o => o.MaxEnvelopeBytes = SmallEnvelope);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Uploads_that_need_several_envelopes_arrive_in_parts_and_are_linked_when_both_are_complete(string provider)
    {
        var clock = new FakeTimeProvider(Clock.GetUtcNow());
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", clock, provider: provider);
        await using var gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", clock);
        await using var nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", clock);
        var originals = FebrlPersons.Read("dataset4a.csv", "gb-").Take(20).ToList();
        var people = originals.Select(o => FebrlPersons.Person(o.RecId)).ToHashSet();
        var duplicates = FebrlPersons.Read("dataset4b.csv", "nl-").Where(d => people.Contains(FebrlPersons.Person(d.RecId))).ToList();
        await gb.ImportAsync("GB-1", "gb.jsonl", originals.Select(o => o.Line).ToArray());
        await nl.ImportAsync("NL-1", "nl.jsonl", duplicates.Select(d => d.Line).ToArray());
        foreach (var node in new[] { gb, nl })
        {
            await node.AddUserAsync("investigator", "investigator", node == gb ? "GB-1" : "NL-1");
            Directory.CreateDirectory(Path.Combine(node.Config.Directory, "linkage"));
            await File.WriteAllTextAsync(Path.Combine(node.Config.Directory, "linkage", "clk-secret"), Secret);
            await node.TrustAsync(hub);
            await hub.TrustAsync(node);
            await node.StartAsync(SmallEnvelopes);
        }
        await hub.StartAsync(s =>
        {
            SmallEnvelopes(s);
            s.Configure<LinkageHubOptions>(o => (o.Enabled, o.Threshold) = (true, 0.75));
        });
        var gbClient = await gb.SignInAsync("investigator");
        var nlClient = await nl.SignInAsync("investigator");

        var first = await UploadAsync(gbClient, "GB-1", "nl-politie");
        await using (var db = hub.Db())
        {
            Assert.Equal(0, await db.LinkageResults().CountAsync()); // one upload complete: nothing linked yet
        }
        var second = await UploadAsync(nlClient, "NL-1", "gb-nca");
        var result = (await gbClient.GetFromJsonAsync<LinkageCaseResult>($"/api/cases/GB-1/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation"))!;

        Assert.Equal(20, first.Uploaded);
        Assert.Equal(["nl-politie"], first.WaitingFor);
        Assert.Empty(second.WaitingFor);
        Assert.True(result.Complete);
        Assert.True(result.Links.Count >= 15, $"{result.Links.Count} links of 20 duplicates");
        await using var hubDb = hub.Db();
        var parts = await hubDb.LinkageUploadParts().AsNoTracking().ToListAsync();
        Assert.All(parts.GroupBy(p => p.Participant), g => Assert.True(g.Count() >= 3, $"{g.Key} sent {g.Count()} parts"));
        Assert.All(parts, p => Assert.Null(p.Clks)); // joined into the upload, then dropped with it once linked
        Assert.Equal(20 + duplicates.Count, parts.Sum(p => p.ClkCount));
        var journalled = (await hub.LedgerAsync()).Select(e => e.Event.Detail.GetValueOrDefault("action")).ToList();
        Assert.Equal(parts.Count, journalled.Count(a => a == LinkageMessages.UploadPartType));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_part_sent_again_is_harmless_and_changes_nothing(string provider)
    {
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", Clock, withIdentity: false, provider: provider);
        var parts = Parts(Clks("gb", 30), 3);

        await using var db = hub.Db();
        var runs = Runs(db);
        var once = await runs.UploadPartAsync("gb-nca", parts[0], default);
        var again = await runs.UploadPartAsync("gb-nca", parts[0], default);
        await runs.UploadPartAsync("gb-nca", parts[1], default);
        var last = await runs.UploadPartAsync("gb-nca", parts[2], default);
        var afterCompletion = await runs.UploadPartAsync("gb-nca", parts[1], default);

        Assert.Equal((1, 10, false), (again.Part, again.ReceivedClks, again.Complete));
        Assert.Equal((once.Part, once.ReceivedClks, once.Complete), (again.Part, again.ReceivedClks, again.Complete));
        Assert.Equal((30, true), (last.ReceivedClks, last.Complete));
        Assert.Equal(["nl-politie"], last.WaitingFor);
        Assert.Equal((30, true), (afterCompletion.ReceivedClks, afterCompletion.Complete));
        Assert.Equal(3, await db.LinkageUploadParts().CountAsync());
        Assert.Equal(30, (await db.LinkageUploads().SingleAsync()).ClkCount);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Parts_out_of_order_contradicting_the_first_or_different_under_a_taken_number_are_refused(string provider)
    {
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", Clock, withIdentity: false, provider: provider);
        var parts = Parts(Clks("gb", 30), 3);
        var other = Parts(Clks("xx", 30), 3);

        await using var db = hub.Db();
        var runs = Runs(db);
        var outOfOrder = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", parts[1], default));
        await runs.UploadPartAsync("gb-nca", parts[0], default);
        var skipped = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", parts[2], default));
        var different = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", other[0], default));
        var announcedOtherwise = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", parts[1] with { TotalClks = 31 }, default));
        var notBase64 = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", parts[1] with { Clks = "not base64!" }, default));
        var numberBeyond = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", parts[1] with { Part = 4 }, default));
        var single = await RefusedAsync(() => runs.UploadAsync("gb-nca", new LinkageUpload(Run, Participants, LinkageSchema.FebrlPerson.Fingerprint, 1024, Clks("gb", 2)), default));

        Assert.Equal(("linkage-part-out-of-order", 409), outOfOrder);
        Assert.Equal(("linkage-part-out-of-order", 409), skipped);
        Assert.Equal(("linkage-part-mismatch", 409), different); // another set: its part 1 announces another digest
        Assert.Equal(("linkage-part-mismatch", 409), announcedOtherwise);
        Assert.Equal(("linkage-bad-upload", 400), notBase64);
        Assert.Equal(("linkage-bad-upload", 400), numberBeyond);
        Assert.Equal(("linkage-already-uploaded", 409), single);
        Assert.Equal(1, await db.LinkageUploadParts().CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_different_part_under_a_number_already_taken_is_refused(string provider)
    {
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", Clock, withIdentity: false, provider: provider);
        var clks = Clks("gb", 30);
        var parts = Parts(clks, 3);
        // Same announced set, but part 1 carries other CLKs (a sender bug or tampering before sealing).
        var swapped = parts[0] with { Clks = parts[1].Clks };

        await using var db = hub.Db();
        var runs = Runs(db);
        await runs.UploadPartAsync("gb-nca", parts[0], default);
        var refused = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", swapped, default));

        Assert.Equal(("linkage-part-differs", 409), refused);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_set_that_does_not_match_its_announced_digest_is_discarded_and_can_be_sent_again(string provider)
    {
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", Clock, withIdentity: false, provider: provider);
        var clks = Clks("gb", 30);
        var parts = Parts(clks, 3);
        var wrongDigest = parts.Select(p => p with { SetDigest = new string('0', 64) }).ToArray();

        await using var db = hub.Db();
        var runs = Runs(db);
        await runs.UploadPartAsync("gb-nca", wrongDigest[0], default);
        await runs.UploadPartAsync("gb-nca", wrongDigest[1], default);
        var refused = await RefusedAsync(() => runs.UploadPartAsync("gb-nca", wrongDigest[2], default));
        var discarded = await db.LinkageUploadParts().CountAsync();
        LinkagePartReceipt? last = null;
        foreach (var part in parts)
        {
            last = await runs.UploadPartAsync("gb-nca", part, default);
        }

        Assert.Equal(("linkage-upload-corrupt", 409), refused);
        Assert.Equal(0, discarded);
        Assert.Equal((30, true), (last!.ReceivedClks, last.Complete));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Chunked_uploads_link_exactly_as_single_ones(string provider)
    {
        await using var hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", Clock, withIdentity: false, provider: provider);
        var a = Clks("gb", 40);
        var b = a.Select((r, i) => new ClkRecord($"nl-{i:D4}", Flip(r.Bits, i), [])).Concat(Clks("nx", 10)).ToArray();

        await using var db = hub.Db();
        var runs = Runs(db);
        await runs.UploadAsync("gb-nca", new LinkageUpload("single", Participants, LinkageSchema.FebrlPerson.Fingerprint, 1024, a), default);
        await runs.UploadAsync("nl-politie", new LinkageUpload("single", Participants, LinkageSchema.FebrlPerson.Fingerprint, 1024, b), default);
        foreach (var (sender, set) in new[] { ("gb-nca", a), ("nl-politie", b) })
        {
            foreach (var part in UploadParts.Split(Run, Participants, LinkageSchema.FebrlPerson.Fingerprint, 1024, set, SmallEnvelope))
            {
                await runs.UploadPartAsync(sender, part, default);
            }
        }
        var single = await runs.ResultAsync("gb-nca", "single", default);
        var chunked = await runs.ResultAsync("gb-nca", Run, default);

        Assert.Equal(40, single.Matches.Length);
        Assert.Equal(single.Matches, chunked.Matches);
    }

    [Fact]
    public void Each_part_fits_the_envelope_limit_and_the_digest_covers_the_whole_set()
    {
        var clks = Clks("gb", 500);
        var limit = 64 * 1024;

        var parts = UploadParts.Split(Run, Participants, "fp", 1024, clks, limit);

        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        // The sealed size: the JSON payload, base64url'd by the JWS and again by the JWE, plus their headers.
        Assert.All(parts, p => Assert.True(JsonSerializer.SerializeToUtf8Bytes(p, FederationMessages.Json).Length * 16 / 9 + 4096 <= limit, $"part {p.Part}"));
        Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.Equal((parts.Count, 500, parts[0].SetDigest), (p.Parts, p.TotalClks, p.SetDigest)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HubBlobs.Clks(clks, 16))), parts[0].SetDigest);
        Assert.Equal(clks.Select(c => c.Id), parts.SelectMany(p => HubBlobs.ReadClks(System.Buffers.Text.Base64Url.DecodeFromChars(p.Clks))).Select(c => c.Id));
    }

    [Fact]
    public void A_limit_too_small_for_one_clk_is_refused_with_the_setting_to_raise()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UploadParts.Split(Run, Participants, "fp", 1024, Clks("gb", 1), 16 * 1024));

        Assert.Contains("Exchange__MaxEnvelopeBytes", e.Message, StringComparison.Ordinal);
    }

    private static LinkageRuns Runs(Storage.LiaisonDb db) =>
        new(db, Options.Create(new LinkageHubOptions { Enabled = true, Threshold = 0.8 }), Clock);

    /// <summary>Cut into about <paramref name="count"/> parts by choosing the envelope limit that gives that many.</summary>
    private static LinkageUploadPart[] Parts(ClkRecord[] clks, int count)
    {
        var perClk = 5 + clks[0].Id.Length + 128 + 4;
        var limit = 16 * 1024 + (clks.Length / count + 1) * perClk * 8 / 3 + 8;
        var parts = UploadParts.Split(Run, Participants, LinkageSchema.FebrlPerson.Fingerprint, 1024, clks, limit).ToArray();
        Assert.Equal(count, parts.Length);
        return parts;
    }

    /// <summary>Filters derived from the ids (deterministic, about half the bits set), no block keys.</summary>
    private static ClkRecord[] Clks(string prefix, int n) =>
        [.. Enumerable.Range(0, n).Select(i =>
        {
            var bytes = SHA512.HashData(System.Text.Encoding.UTF8.GetBytes($"{prefix}-{i}")).Concat(SHA512.HashData(System.Text.Encoding.UTF8.GetBytes($"{i}-{prefix}"))).ToArray();
            var bits = new ulong[16];
            Buffer.BlockCopy(bytes, 0, bits, 0, 128);
            return new ClkRecord($"{prefix}-{i:D4}", bits, []);
        })];

    private static ulong[] Flip(ulong[] bits, int i)
    {
        var copy = (ulong[])bits.Clone();
        copy[i % 16] ^= 1UL << (i % 64);
        return copy;
    }

    private static async Task<(string Code, int Status)> RefusedAsync(Func<Task> upload)
    {
        var e = await Assert.ThrowsAsync<LinkageRefusedException>(upload);
        return (e.Code, e.Status);
    }

    private static async Task<LinkageReceipt> UploadAsync(HttpClient client, string caseId, string other)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/linkage",
            new { hub = "eu-hub", run = Run, participants = new[] { other }, purpose = "criminal-investigation" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LinkageReceipt>())!;
    }
}
