using System.Net;
using System.Text;
using System.Text.Json;
using Liaison.Ledger.Custody;
using Liaison.Node.Retention;
using Liaison.Storage;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Retention;

/// <summary>
/// Evidence under retention on a served node (clock at 2026-11-20): file A held by case C1 only, file B
/// by C1 and C2. C1's holds are made overdue: the DPO's review list shows them (a supervisor only C1's,
/// an investigator nothing), then the purge removes C1's holds, deletes A with a <c>purged</c> custody
/// step, and keeps B, which C2 still holds. A's verification says purged; a file gone by other means
/// still says missing.
/// </summary>
public sealed class EvidenceRetentionTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Overdue_evidence_is_listed_for_the_dpo_then_purged_with_a_custody_step_that_verification_reports(string provider)
    {
        await using var node = await RunningNode.StartAsync(provider);
        var locker = node.Services.GetRequiredService<EvidenceLocker>();
        var a = await AddAsync(locker, "C1", "statement of the witness");
        var b = await AddAsync(locker, "C1", "phone extraction");
        await AddAsync(locker, "C2", "phone extraction");
        using var scope = node.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();

        var first = await scope.ServiceProvider.GetRequiredService<RetentionPass>().RunAsync("test");
        Assert.Equal(3, first.EvidenceReviewDatesSet);
        Assert.All(await db.Set<EvidenceItemRow>().AsNoTracking().Select(e => e.ReviewDate).ToListAsync(), d => Assert.Equal(new DateOnly(2029, 11, 20), d));

        await SetReviewAsync(db, "C1", new DateOnly(2026, 11, 10));
        var dpo = await ReviewListAsync(node, "dpo");
        Assert.Equal(new[] { (a, "C1", false), (b, "C1", false) }.OrderBy(e => e.Item1, StringComparer.Ordinal), dpo.OrderBy(e => e.Digest, StringComparer.Ordinal));
        Assert.Equal(dpo.Count, (await ReviewListAsync(node, "supervisor")).Count);
        var investigator = await (await node.As("investigator")).GetAsync("/api/retention/overdue");
        Assert.Equal(HttpStatusCode.Forbidden, investigator.StatusCode);

        await SetReviewAsync(db, "C1", new DateOnly(2026, 10, 1));
        var purge = await scope.ServiceProvider.GetRequiredService<RetentionPass>().RunAsync("test");

        Assert.Equal((2L, 1L), (purge.EvidencePurged, purge.EvidenceFilesDeleted));
        Assert.Equal([("C2", b)], (await db.Set<EvidenceItemRow>().AsNoTracking().ToListAsync()).Select(e => (e.CaseId, e.Digest)));
        Assert.False(File.Exists(locker.Store.PathOf(a)));
        Assert.True(File.Exists(locker.Store.PathOf(b)));
        var trail = await locker.TrailAsync(a);
        Assert.Equal(["collected", "purged"], trail.Steps.Select(s => s.Step.Action.WireName()));
        Assert.Empty(trail.Problems());
        Assert.Equal(["collected", "accessed"], (await locker.TrailAsync(b)).Steps.Select(s => s.Step.Action.WireName()));
        var journalled = await db.Audit.AsNoTracking().Where(x => x.Action == "retention.purge.evidence").Select(x => x.Detail).ToListAsync();
        Assert.Equal(2, journalled.Count);
        Assert.Contains(journalled, d => d!.Contains($"evidence {a} in case C1: review date passed; file deleted", StringComparison.Ordinal));

        var ledger = node.Services.GetRequiredService<NodeLedger>();
        await ledger.CheckpointNowAsync();
        var purged = await EvidenceVerifier.VerifyAsync(locker.Store, a, ledger.Store, ledger.VerifierKey, default);
        Assert.True(purged.IsPurged);
        Assert.False(purged.IsProven);
        File.Delete(locker.Store.PathOf(b));
        var missing = await EvidenceVerifier.VerifyAsync(locker.Store, b, ledger.Store, ledger.VerifierKey, default);
        Assert.False(missing.IsPurged);
        Assert.False(missing.Hash.Exists);
    }

    [Fact]
    public void A_purge_ends_custody_and_purging_an_item_not_in_custody_breaks_the_chain()
    {
        var t = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        CustodyEvent Step(CustodyAction action, string? to = null) => new() { Item = "sha256:" + new string('a', 64), Action = action, Actor = "x", Time = t, Counterparty = to };

        var sound = new CustodyTrail("i", [(1, Step(CustodyAction.Collected)), (2, Step(CustodyAction.Purged))]);
        var examinedAfter = new CustodyTrail("i", [(1, Step(CustodyAction.Collected)), (2, Step(CustodyAction.Purged)), (3, Step(CustodyAction.Accessed))]);
        var handedOver = new CustodyTrail("i", [(1, Step(CustodyAction.Collected)), (2, Step(CustodyAction.TransferredTo, "court")), (3, Step(CustodyAction.Purged))]);

        Assert.Empty(sound.Problems());
        Assert.Equal(2, sound.Purge!.Value.Index);
        Assert.Equal(["entry 3 (accessed): the item was not in custody"], examinedAfter.Problems());
        Assert.Null(examinedAfter.Purge);
        Assert.Equal(["entry 3 (purged): the item was not in custody"], handedOver.Problems());
    }

    private static async Task<string> AddAsync(EvidenceLocker locker, string caseId, string text)
    {
        var row = await locker.AddAsync(new EvidenceIntake { CaseId = caseId, Actor = "investigator", FileName = "witness-jane-doe.txt", MediaType = "text/plain" },
            new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return row.Digest;
    }

    private static Task<int> SetReviewAsync(LiaisonDb db, string caseId, DateOnly date) =>
        db.Set<EvidenceItemRow>().Where(e => e.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReviewDate, date));

    private static async Task<List<(string Digest, string CaseId, bool Due)>> ReviewListAsync(RunningNode node, string user)
    {
        var body = await (await node.As(user)).GetStringAsync("/api/retention/overdue");
        Assert.DoesNotContain("jane-doe", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("evidence").EnumerateArray()
            .Select(e => (e.GetProperty("digest").GetString()!, e.GetProperty("caseId").GetString()!, e.GetProperty("dueForPurge").GetBoolean())).ToList();
    }
}
