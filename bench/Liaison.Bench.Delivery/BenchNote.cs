using Liaison.Node.Exchange;

namespace Liaison.Bench.Delivery;

/// <summary>The benchmark's message type: its effect is the inbox row alone (what every message costs before its feature's own work).</summary>
internal sealed class BenchNote : IInboundMessageHandler
{
    public const string Type = "bench.note";

    public IReadOnlyCollection<string> MessageTypes => [Type];

    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
