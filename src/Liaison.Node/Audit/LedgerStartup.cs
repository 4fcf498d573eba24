using Liaison.Storage.Ledger;

namespace Liaison.Node.Audit;

/// <summary>Opens the ledger when the node starts (rehashing it: a tampered log stops the node) and signs a final checkpoint on shutdown.</summary>
internal sealed class LedgerStartup(NodeLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ledger.Sequencer.Size > 0)
        {
            await ledger.CheckpointNowAsync(cancellationToken);
        }
    }
}
