using Liaison.Exchange.Delivery;
using Liaison.Node.Exchange;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.Exchange;

/// <summary>
/// A handler for tests: each message it applies becomes one audit row (action <c>test.received</c>,
/// detail = message id) in the same transaction as the inbox row, so counting those rows counts
/// effects — the exactly-once measure. <see cref="FailEvery"/> makes some effects throw (rolled back, retried).
/// </summary>
public sealed class TestMessages(LiaisonDb db) : IInboundMessageHandler
{
    public const string Type = "test.note";
    public const string Unreadable = "test.unreadable";
    public const string Action = "test.received";

    /// <summary>Throw on every n-th call (0: never), counted across the process.</summary>
    public static int FailEvery;
    private static int _calls;

    public IReadOnlyCollection<string> MessageTypes => [Type, Unreadable];

    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Type == Unreadable)
        {
            throw new MessageRefusedException($"message {message.MessageId}: payload field 'n' missing");
        }
        if (FailEvery > 0 && Interlocked.Increment(ref _calls) % FailEvery == 0)
        {
            throw new InvalidOperationException("simulated failure of the effect");
        }
        db.Audit.Add(new AuditRow
        {
            At = message.Created, Actor = "peer:" + message.Sender, Action = Action, Decision = "received", CaseId = message.CaseReference,
            Detail = message.MessageId,
        });
        return Task.CompletedTask;
    }

    /// <summary>Message ids applied at <paramref name="db"/>, with repeats if any message took effect twice.</summary>
    public static Task<List<string>> AppliedAsync(LiaisonDb db) =>
        db.Audit.AsNoTracking().Where(a => a.Action == Action).Select(a => a.Detail!).ToListAsync();
}

/// <summary>
/// A peer's unreliable front: with a seeded generator, refuses some deliveries before they reach the
/// node (503) and loses the receipt of others after the node has applied them (connection aborted),
/// which makes the sender send a duplicate.
/// </summary>
public sealed class FlakyFront(int seed, double refuse, double loseReceipt)
{
    private readonly Random _random = new(seed);
    public int Refused;
    public int ReceiptsLost;

    public void Install(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/" + ExchangeMessages.InboxPath))
        {
            await next(context);
            return;
        }
        double a, b;
        lock (_random)
        {
            a = _random.NextDouble();
            b = _random.NextDouble();
        }
        if (a < refuse)
        {
            Interlocked.Increment(ref Refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (b < loseReceipt)
        {
            var original = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await next(context);
            Interlocked.Increment(ref ReceiptsLost);
            context.Abort();
            context.Response.Body = original;
            return;
        }
        await next(context);
    });
}
