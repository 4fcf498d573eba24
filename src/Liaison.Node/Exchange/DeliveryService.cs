using Liaison.Exchange.Delivery;
using Liaison.Node.Federation;
using Liaison.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Exchange;

/// <summary>
/// The hosted delivery worker: runs <see cref="DeliveryWorker"/> over the database outbox until the
/// node stops. Every replica of a node runs one; the claim (<c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL) keeps them off each other's rows, and the peer's inbox drops what a crash between
/// sending and recording still duplicates. Off on a node without an exchange identity.
/// <para>
/// Deliveries are not journalled one by one in the ledger: the outbox row keeps the peer's signed
/// receipt, which is stronger evidence than our own entry, and the act that caused the message
/// (a share, a request) was journalled when it was enqueued; and the replicas' ledger appends take
/// turns on the database's log lock, which this keeps out of the delivery path.
/// </para>
/// </summary>
internal sealed class DeliveryService(NodeFederation federation, NodeConfig node, IOptions<RetryPolicy> policy, TimeProvider clock,
    ILogger<DeliveryService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!federation.IsAvailable)
        {
            return;
        }
        var worker = new DeliveryWorker(new WorkerOutboxStore(node), new HttpMessageTransport(federation), federation.Peers, federation.Sealer,
            new ReceiptVerifier(federation.Opener), policy.Value, clock);
        worker.Attempted += a =>
        {
            if (a.State == OutboxState.Dead)
            {
                log.LogWarning("message {MessageId} to {Recipient} dead-lettered after {Attempts} attempts: {Error}", a.MessageId, a.Recipient, a.Attempt, a.Error);
            }
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database was away (restart, failover): wait and carry on; rows are leased, not lost.
                log.LogWarning(e, "delivery pass failed; retrying");
                try
                {
                    await Task.Delay(policy.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
