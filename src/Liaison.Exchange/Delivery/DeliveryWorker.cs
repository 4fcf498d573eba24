using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Sends what is due in the outbox and records the outcome of each message: delivered (listed in the
/// peer's verified receipt), retried later (exponential backoff with full jitter), or dead-lettered
/// after <see cref="RetryPolicy.MaxAttempts"/>, on expiry, or on a permanent refusal. Due messages to
/// the same peer travel together in batch envelopes (one key agreement per batch). Several workers
/// (threads or replicas) may run against one outbox; <see cref="IOutboxStore.ClaimDueAsync"/> keeps
/// them from sending the same row at the same time, and the receiver's inbox drops the duplicates
/// that a crash between sending and recording can still cause.
/// </summary>
public sealed class DeliveryWorker(
    IOutboxStore outbox, IMessageTransport transport, IPeerDirectory peers, EnvelopeSealer sealer, ReceiptVerifier receipts,
    RetryPolicy policy, TimeProvider time)
{
    /// <summary>Raised after each message's attempt, for the node's journal and the demo's output; raised from several threads at once.</summary>
    public event Action<DeliveryAttempt>? Attempted;

    /// <summary>Claims one batch of due messages and attempts each; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, policy.BatchSize, policy.Lease, cancellationToken);
        var live = new List<OutboxMessage>(due.Count);
        foreach (var message in due)
        {
            if (now >= message.Expires)
            {
                await Dead(message, message.Attempts, "expired before it could be delivered");
            }
            else
            {
                live.Add(message);
            }
        }
        var batches = live.GroupBy(m => m.Recipient, StringComparer.Ordinal).SelectMany(Chunk).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = policy.Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await AttemptAsync(batch, ct));
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

    private IEnumerable<List<OutboxMessage>> Chunk(IEnumerable<OutboxMessage> toOnePeer)
    {
        var batch = new List<OutboxMessage>();
        var bytes = 0L;
        foreach (var m in toOnePeer)
        {
            if (batch.Count > 0 && (batch.Count >= policy.MaxBatchMessages || bytes + m.SignedMessage.Length > policy.MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(m);
            bytes += m.SignedMessage.Length;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task AttemptAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReceiptOutcome> outcomes;
        string answer;
        try
        {
            var peer = await peers.FindAsync(batch[0].Recipient, cancellationToken)
                       ?? throw new MessageTransportException($"{batch[0].Recipient} is no longer a peer", permanent: true);
            var signed = batch.Select(m => SignedMessage.FromStored(m.SignedMessage)).ToList();
            var envelope = signed.Count == 1 ? sealer.Encrypt(signed[0], peer) : sealer.EncryptBatch(signed, peer);
            answer = await transport.SendAsync(peer, envelope.Compact, cancellationToken);
            outcomes = await receipts.VerifyAsync(batch, answer, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = e is MessageTransportException { Permanent: true };
            var error = e is ExchangeException ? e.Message : e.GetType().Name;
            foreach (var message in batch)
            {
                await Failed(message, error, permanent);
            }
            return;
        }
        var delivered = batch.Zip(outcomes).Where(p => p.Second.Verdict == ReceiptVerdict.Delivered).ToList();
        if (delivered.Count > 0)
        {
            await outbox.MarkDeliveredAsync(delivered.Select(p => (p.First.Id, p.First.Attempts + 1)).ToList(), time.GetUtcNow(), answer, CancellationToken.None);
            foreach (var (message, outcome) in delivered)
            {
                Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, message.Attempts + 1, OutboxState.Delivered, null, outcome.ReceivedAt));
            }
        }
        foreach (var (message, outcome) in batch.Zip(outcomes))
        {
            switch (outcome.Verdict)
            {
                case ReceiptVerdict.Delivered:
                    break;
                case ReceiptVerdict.Refused:
                    await Failed(message, $"{message.Recipient} refused {message.Id} ({outcome.Reason})", !outcome.Reason!.Value.CanHeal());
                    break;
                default:
                    await Failed(message, $"{message.Recipient} did not acknowledge {message.Id}", permanent: false);
                    break;
            }
        }
    }

    private async Task Failed(OutboxMessage message, string error, bool permanent)
    {
        var attempts = message.Attempts + 1;
        if (permanent || attempts >= policy.MaxAttempts)
        {
            await Dead(message, attempts, error);
            return;
        }
        await outbox.ScheduleRetryAsync(message.Id, attempts, time.GetUtcNow() + policy.NextDelay(attempts), error, CancellationToken.None);
        Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Pending, error, null));
    }

    private async Task Dead(OutboxMessage message, int attempts, string error)
    {
        await outbox.MarkDeadAsync(message.Id, attempts, error, CancellationToken.None);
        Attempted?.Invoke(new DeliveryAttempt(message.Id, message.Recipient, attempts, OutboxState.Dead, error, null));
    }
}

/// <summary>One message's delivery attempt: state after it, the error if any, and the receiver's commit time if delivered.</summary>
public sealed record DeliveryAttempt(string MessageId, string Recipient, int Attempt, OutboxState State, string? Error, DateTimeOffset? ReceiptReceivedAt);
