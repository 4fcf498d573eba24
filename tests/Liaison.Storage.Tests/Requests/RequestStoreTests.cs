using Liaison.Core.Requests;
using Liaison.Storage.Requests;

namespace Liaison.Storage.Tests.Requests;

/// <summary>The request tables on both providers (PostgreSQL when the test command started one).</summary>
public sealed class RequestStoreTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    private static DataAccessRequest Draft(string id) => new()
    {
        Id = id, Type = RequestType.TrafficData, Instrument = LegalInstrument.CloudActUsUk, CaseId = "C1", OffenceCode = "fraud", MaximumPenaltyYears = 10,
        Targets = [new RequestTarget(TargetKind.Phone, "+447911123456", "GB", "GB")], Categories = DataCategory.SubscriberData | DataCategory.TrafficData,
        Period = new(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero)),
        Requester = new("gb-nca", "GB", "gb-nca"), Addressee = new(AddresseeKind.ServiceProvider, "us-telco", "US"), DraftedBy = "ivy",
        History = [new RequestTransition(id, null, RequestState.Draft, RequestAction.Open, "ivy", RequestRole.Investigator, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero))],
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_stored_request_reads_back_equal_with_its_transitions(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var store = new RequestStore(db);

        await store.AddAsync(Draft("r-1"), RequestDirection.Outgoing, node.Clock.GetUtcNow());
        var (row, request) = (await new RequestStore(node.Db()).LoadAsync("r-1"))!.Value;

        Assert.Equal(RequestDocument.Write(Draft("r-1")), RequestDocument.Write(request));
        Assert.Equal(("C1", "Draft", "us-telco"), (row.CaseId, row.State, row.AddresseeId));
        Assert.Equal(["Open"], (await store.TransitionsAsync("r-1")).Select(t => t.Action));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_request_saved_by_someone_else_meanwhile_is_not_overwritten(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using (var db = node.Db())
        {
            await new RequestStore(db).AddAsync(Draft("r-2"), RequestDirection.Outgoing, node.Clock.GetUtcNow());
        }
        await using var first = node.Db();
        await using var second = node.Db();
        var (row1, r1) = (await new RequestStore(first).LoadAsync("r-2"))!.Value;
        var (row2, r2) = (await new RequestStore(second).LoadAsync("r-2"))!.Value;
        var approved = r1 with { State = RequestState.AwaitingValidation, History = [.. r1.History, r1.History[0] with { Action = RequestAction.Approve, From = RequestState.Draft, To = RequestState.AwaitingValidation, ActorId = "sam" }] };
        var withdrawn = r2 with { State = RequestState.Withdrawn, History = [.. r2.History, r2.History[0] with { Action = RequestAction.Withdraw, From = RequestState.Draft, To = RequestState.Withdrawn, ActorId = "ivy" }] };

        await new RequestStore(first).SaveAsync(row1, approved, node.Clock.GetUtcNow());
        await Assert.ThrowsAsync<RequestChangedException>(() => new RequestStore(second).SaveAsync(row2, withdrawn, node.Clock.GetUtcNow()));

        await using var check = node.Db();
        var (_, stored) = (await new RequestStore(check).LoadAsync("r-2"))!.Value;
        Assert.Equal(RequestState.AwaitingValidation, stored.State);
        Assert.Equal(["Open", "Approve"], (await new RequestStore(check).TransitionsAsync("r-2")).Select(t => t.Action));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_request_id_that_exists_is_refused_and_the_first_stays(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        await new RequestStore(db).AddAsync(Draft("r-3"), RequestDirection.Outgoing, node.Clock.GetUtcNow());

        await Assert.ThrowsAsync<DuplicateRequestException>(() => new RequestStore(node.Db()).AddAsync(Draft("r-3") with { CaseId = "C9" }, RequestDirection.Incoming, node.Clock.GetUtcNow()));

        Assert.Equal("C1", (await new RequestStore(node.Db()).FindAsync("r-3"))!.CaseId);
    }

    [Fact]
    public void A_document_with_an_unknown_member_is_refused_naming_it()
    {
        var json = RequestDocument.Write(Draft("r-4")).Replace("{\"id\"", "{\"smuggled\":1,\"id\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => RequestDocument.Read(json));
        Assert.Contains("smuggled", e.Message, StringComparison.Ordinal);
    }
}
