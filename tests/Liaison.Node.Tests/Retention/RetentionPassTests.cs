using Liaison.Core.Identifiers;
using Liaison.Storage.Records;
using Liaison.Storage.Retention;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.Retention;

/// <summary>Review dates, hiding and purging on both providers, driven by a fake clock.</summary>
public sealed class RetentionPassTests
{
    private static readonly DateOnly Start = new(2026, 11, 20);

    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_without_a_review_date_get_the_period_of_their_most_protected_subject(string provider)
    {
        await using var f = await RetentionFixture.CreateAsync(provider);
        await using var db = f.Node.Db();

        await f.Pass(db).RunAsync("test");

        var dates = await db.Records.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ReviewDate);
        Assert.Equal(Start.AddYears(1), dates["r-minor"]);
        Assert.Equal(Start.AddYears(3), dates["r-suspect"]);
        Assert.Equal(new DateOnly(2026, 11, 30), dates[RetentionFixture.Overdue]);
        Assert.Equal(new DateOnly(2028, 1, 1), dates["r-kept"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_record_past_its_review_date_is_hidden_then_purged_after_the_grace_period_and_nothing_else_is_touched(string provider)
    {
        await using var f = await RetentionFixture.CreateAsync(provider);
        await using var db = f.Node.Db();
        var outbox = new RecordingWithdrawals("node-nl");
        await f.Pass(db, outbox).RunAsync("test");
        var before = await db.Records.AsNoTracking().Where(r => RetentionFixture.Untouched.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.PropertiesJson, r.ReviewDate }).ToListAsync();
        var identifiersBefore = await db.Identifiers.CountAsync(i => RetentionFixture.Untouched.Contains(i.RecordId));

        // 1 December: past the review date, inside the grace period — hidden, still held.
        f.Node.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var hiddenRun = await f.Pass(db, outbox).RunAsync("test");
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(0, hiddenRun.RecordsPurged);
        Assert.True(await db.Records.AnyAsync(r => r.Id == RetentionFixture.Overdue));
        Assert.False(await db.Records.InForce(today).AnyAsync(r => r.Id == RetentionFixture.Overdue));
        Assert.Empty(await new RecordSearch(db, new PhoneNumberNormalizer("GB"), today).FindAsync(RetentionFixture.OverduePhone, ["C1"]));
        Assert.DoesNotContain(RetentionFixture.Overdue, await CaseRecords.ReadAsync(db, "C1", today).Select(r => r.Id).ToListAsync());
        var review = await OverdueRecords.ListAsync(db, today, new DateOnly(2026, 11, 1));
        Assert.Equal([RetentionFixture.Overdue], review.Select(r => r.Id));

        // 1 January: more than 30 days overdue — purged, journalled, announced.
        f.Node.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var purge = await f.Pass(db, outbox).RunAsync("test");

        Assert.Equal(1, purge.RecordsPurged);
        Assert.Equal(1, purge.IdentifiersPurged > 0 ? 1 : 0);
        Assert.False(await db.Records.AnyAsync(r => r.Id == RetentionFixture.Overdue));
        Assert.False(await db.Identifiers.AnyAsync(i => i.RecordId == RetentionFixture.Overdue));
        Assert.Equal(before, await db.Records.AsNoTracking().Where(r => RetentionFixture.Untouched.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.PropertiesJson, r.ReviewDate }).ToListAsync());
        Assert.Equal(identifiersBefore, await db.Identifiers.CountAsync(i => RetentionFixture.Untouched.Contains(i.RecordId)));
        Assert.Equal([RetentionFixture.Overdue], outbox.Announced.Select(r => r.RecordId));
        var withdrawal = Assert.Single(await db.Set<RecordWithdrawalRow>().AsNoTracking().ToListAsync());
        Assert.Equal((RetentionFixture.Overdue, "node-nl"), (withdrawal.RecordId, withdrawal.Recipient));
        var journalled = await db.Audit.AsNoTracking().Where(a => a.Action.StartsWith("retention.purge")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["retention.purge", "retention.purge.ids"], journalled.Select(a => a.Action));
        Assert.Contains("1 records", journalled[0].Detail, StringComparison.Ordinal);
        Assert.Contains("sha256 " + RecordPurge.Digest([RetentionFixture.Overdue]), journalled[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith(RetentionFixture.Overdue, journalled[1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue Witness", string.Join(' ', journalled.Select(a => a.Detail)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_extended_review_brings_the_record_back_and_keeps_it_from_the_purge(string provider)
    {
        await using var f = await RetentionFixture.CreateAsync(provider);
        await using var db = f.Node.Db();
        await f.Pass(db).RunAsync("test");
        f.Node.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

        await ReviewExtensions.ExtendAsync(db, RetentionFixture.Overdue, new DateOnly(2027, 6, 30), "trial listed for May 2027", "dpo", f.Node.Clock.GetUtcNow());
        f.Node.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var run = await f.Pass(db).RunAsync("test");

        Assert.Equal(0, run.RecordsPurged);
        Assert.True(await db.Records.InForce(new DateOnly(2027, 2, 1)).AnyAsync(r => r.Id == RetentionFixture.Overdue));
        var extension = Assert.Single(await ReviewExtensions.OfAsync(db, RetentionFixture.Overdue));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2027, 6, 30)), (extension.PreviousReviewDate, extension.ReviewDate));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Purged_records_wait_for_an_outbox_and_the_first_pass_with_one_announces_them(string provider)
    {
        await using var f = await RetentionFixture.CreateAsync(provider);
        await using var db = f.Node.Db();
        await f.Pass(db).RunAsync("test");
        f.Node.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));

        var withoutOutbox = await f.Pass(db).RunAsync("test");
        var outbox = new RecordingWithdrawals("node-us");
        var withOutbox = await f.Pass(db, outbox).RunAsync("test");

        Assert.Equal((1L, 1L), (withoutOutbox.RecordsPurged, withoutOutbox.WithdrawalsPending));
        Assert.Equal((0L, 1L, 0L), (withOutbox.RecordsPurged, withOutbox.Announced, withOutbox.WithdrawalsPending));
        Assert.Equal([RetentionFixture.Overdue], outbox.Announced.Select(r => r.RecordId));
    }

    [Fact]
    public async Task A_pass_with_nothing_due_writes_nothing_to_the_ledger()
    {
        await using var f = await RetentionFixture.CreateAsync("sqlite");
        await using var db = f.Node.Db();

        var run = await f.Pass(db).RunAsync("test");

        Assert.Equal(0, run.RunId);
        Assert.False(await db.Audit.AnyAsync(a => a.Action.StartsWith("retention.")));
    }
}
