using Liaison.Core.Requests;
using Liaison.Core.Requests.Deadlines;
using Liaison.Ledger.Entries;
using Liaison.Node.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Requests;

/// <summary>The deadline worker on a fake clock, with the node's CLOUD Act period set to 10 hours and 5 hours' grace.</summary>
public sealed class RequestDeadlineTests(RequestNodesFixture nodes) : IClassFixture<RequestNodesFixture>
{
    [Fact]
    public async Task Reminders_escalation_and_expiry_are_acted_on_once_each_and_journalled()
    {
        var sent = await nodes.SentAsync();
        var worker = nodes.Gb.Services.GetRequiredService<RequestDeadlineWorker>();

        nodes.Clock.Advance(TimeSpan.FromHours(6));
        var first = await worker.RunOnceAsync(CancellationToken.None);
        var again = await worker.RunOnceAsync(CancellationToken.None);
        nodes.Clock.Advance(TimeSpan.FromHours(5));
        var overdue = await worker.RunOnceAsync(CancellationToken.None);
        nodes.Clock.Advance(TimeSpan.FromHours(5));
        var expired = await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal((NoticeKind.Reminder, 0.5), (Assert.Single(first, n => n.RequestId == sent.Id).Kind, first.Single(n => n.RequestId == sent.Id).Milestone));
        Assert.DoesNotContain(again, n => n.RequestId == sent.Id);
        Assert.Equal(NoticeKind.Overdue, Assert.Single(overdue, n => n.RequestId == sent.Id).Kind);
        Assert.Equal(RequestRole.Supervisor, overdue.Single(n => n.RequestId == sent.Id).Notify);
        Assert.Equal(NoticeKind.Expire, Assert.Single(expired, n => n.RequestId == sent.Id).Kind);
        var request = (await nodes.ViewAsync(nodes.Gb, "ivy", sent.Id)).Request;
        Assert.Equal(RequestState.Expired, request.State);
        Assert.Equal(("system", RequestRole.System), (request.History[^1].ActorId, request.History[^1].ActorRole));
        var notices = (await nodes.Gb.LedgerAsync()).Where(e => e.Event.Type == LedgerEventType.RequestTransition && e.Payload.Contains(sent.Id, StringComparison.Ordinal))
            .Select(e => e.Event.Detail["action"]).ToList();
        Assert.Equal(3, notices.Count(a => a == "request.notice"));
        Assert.Single(notices, a => a == "request.expire");
    }
}
