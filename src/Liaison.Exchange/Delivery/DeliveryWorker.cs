using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Sends what is due in the outbox and records the outcome: delivered with the verified receipt,
/// retried later (exponential backoff with full jitter), or dead-lettered after
/// <see cref="RetryPolicy.MaxAttempts"/>, on expiry, or on a permanent refusal. Several workers
/// (threads or replicas) may run against one outbox; <see cref="IOutboxStore.ClaimDueAsync"/>
/// keeps them from sending the same row at the same time, and the receiver's inbox drops the
/// duplicates that a crash between sending and recording can still cause.
/// </summary>
public sealed class DeliveryWorker(
    IOutboxStore outbox, IMessageTransport transport, IPeerDirectory peers, ReceiptVerifier receipts, RetryPolicy policy, TimeProvider time)
{
    /// <summary>Raised after each attempt, for the node's journal and the demo's output; raised from several threads at once.</summary>
    public event Action<DeliveryAttempt>? Attempted;

    /// <summary>Claims one batch of due messages and attempts each; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await outbox.ClaimDueAsync(time.GetUtcNow(), policy.BatchSize, policy.Lease, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = policy.Parallelism, CancellationToken = cancellationToken },
            async (message, ct) => await AttemptAsync(message, ct));
        return due.Count;
    }

    /// <summary>Delivers until cancelled, sleeping <see cref="RetryPolicy.PollInterval"/> on the injected clock when nothing is due.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            int attempted;
            try
            {
                attempted = await DeliverDueAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            if (attempted == 0)
            {
                try
                {
                    await Task.Delay(policy.PollInterval, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task AttemptAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var now = time.GetUtcNow();
        if (now >= message.Expires)
        {
            await outbox.MarkDeadAsync(message.Id, message.Attempts, "expired before it could be delivered", cancellationToken);
            Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Dead, "expired", null));
            return;
        }
        try
        {
            var peer = await peers.FindAsync(message.Recipient, cancellationToken)
                       ?? throw new MessageTransportException($"{message.Recipient} is no longer a peer", permanent: true);
            var answer = await transport.SendAsync(peer, message.Envelope, cancellationToken);
            var receipt = await receipts.VerifyAsync(message, answer, cancellationToken);
            await outbox.MarkDeliveredAsync(message.Id, attempts, time.GetUtcNow(), answer, cancellationToken);
            Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Delivered, null, receipt.ReceivedAt));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = e is MessageTransportException { Permanent: true };
            var error = e is ExchangeException ? e.Message : e.GetType().Name;
            if (permanent || attempts >= policy.MaxAttempts)
            {
                await outbox.MarkDeadAsync(message.Id, attempts, error, CancellationToken.None);
                Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Dead, error, null));
                return;
            }
            await outbox.ScheduleRetryAsync(message.Id, attempts, time.GetUtcNow() + policy.NextDelay(attempts), error, CancellationToken.None);
            Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Pending, error, null));
        }
    }
}

/// <summary>One delivery attempt's outcome: state after it, the error if any, and the receiver's receipt time if delivered.</summary>
public sealed record DeliveryAttempt(string MessageId, string Recipient, int Attempt, OutboxState State, string? Error, DateTimeOffset? ReceiptReceivedAt);
