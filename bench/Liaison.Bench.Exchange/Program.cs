using System.Diagnostics;
using System.Security.Cryptography;
using Liaison.Exchange;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

// Measures the CPU cost of the envelope per message, in process (no network, no database):
//   seal      sign (ES256) + encrypt (ECDH-ES+A256KW, A256GCM)
//   open      every receiver check: decrypt + verify + header checks
//   exchange  the whole reliable exchange: sign, encrypt, receive (open, inbox record, sign the
//             receipt), verify the receipt at the sender; one message per envelope, and batches
// and, as the peer to compare with, the same primitives called directly from .NET (ECDSA sign,
// ephemeral ECDH, AES key wrap left out, AES-GCM) without JOSE framing.
// Usage: dotnet run -c Release --project bench/Liaison.Bench.Exchange [messages-per-size]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var time = TimeProvider.System;
var options = new ExchangeOptions();
using var gb = NodeIdentity.CreateEphemeral(new NodeProfile("gb-nca", "NCA", "GB", new Uri("https://gb.example/")), time);
using var us = NodeIdentity.CreateEphemeral(new NodeProfile("us-fbi", "FBI", "US", new Uri("https://us.example/")), time);
var gbPeers = new InMemoryPeerDirectory();
var usPeers = new InMemoryPeerDirectory();
await new PeerOnboarding(gbPeers, "gb-nca", time).AddAsync(us.ExportDescriptor());
await new PeerOnboarding(usPeers, "us-fbi", time).AddAsync(gb.ExportDescriptor());
var usPeer = (await gbPeers.FindAsync("us-fbi"))!;
var gbSealer = new EnvelopeSealer(gb, time, options);
var usSealer = new EnvelopeSealer(us, time, options);
var usInbox = new InMemoryInboxStore();
var usOpener = new EnvelopeOpener(us, usPeers, usInbox, time, options);
var receiver = new MessageReceiver(usOpener, usInbox, new ReceiptIssuer(usSealer, time, options), time);
var receipts = new ReceiptVerifier(new EnvelopeOpener(gb, gbPeers, null, time, options));

Console.WriteLine($"# {Environment.ProcessorCount} cores, {count} messages per row, one thread unless noted");
Console.WriteLine("| operation | payload | messages/s | p50 ms | p99 ms | CPU ms/message |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var size in new[] { 1024, 100 * 1024 })
{
    var payload = RandomNumberGenerator.GetBytes(size);
    var n = size > 10_000 ? Math.Max(count / 4, 50) : count;
    var label = size >= 1024 * 100 ? "100 KB" : "1 KB";

    Run("seal", label, n, _ => gbSealer.Seal(new OutgoingMessage("us-fbi", "case.message", payload), usPeer));
    var sealedOnes = Enumerable.Range(0, n).Select(_ => gbSealer.Seal(new OutgoingMessage("us-fbi", "case.message", payload), usPeer).Compact).ToArray();
    var plainOpener = new EnvelopeOpener(us, usPeers, null, time, options);
    Run("open", label, n, i => plainOpener.OpenAsync(sealedOnes[i]).GetAwaiter().GetResult());
    Run("exchange, one message per envelope", label, n, _ => Exchange(payload, 1));
    RunParallel("exchange, one message per envelope, 2 threads", label, n, _ => Exchange(payload, 1));
    var batch = size > 10_000 ? 16 : 64;
    RunBatches($"exchange, batches of {batch} (latency per batch)", label, n / batch, batch, () => Exchange(payload, batch));
    using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    Run("peer: raw .NET ECDSA sign + ephemeral ECDH + AES-256-GCM", label, n, _ =>
    {
        var signature = signer.SignData(payload, HashAlgorithmName.SHA256);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var key = ephemeral.DeriveKeyFromHash(recipient.PublicKey, HashAlgorithmName.SHA256);
        using var gcm = new AesGcm(key, 16);
        var cipher = new byte[payload.Length + signature.Length];
        var tag = new byte[16];
        byte[] plaintext = [.. payload, .. signature];
        gcm.Encrypt(RandomNumberGenerator.GetBytes(12), plaintext, cipher, tag);
    });
}

// One reliable exchange of `count` messages: sign each, encrypt (one JWE, or a batch), receive
// (open, inbox record, sign the receipt), verify the receipt at the sender.
void Exchange(byte[] payload, int count)
{
    var signed = Enumerable.Range(0, count).Select(_ => gbSealer.Sign(new OutgoingMessage("us-fbi", "case.message", payload), usPeer)).ToList();
    var envelope = count == 1 ? gbSealer.Encrypt(signed[0], usPeer) : gbSealer.EncryptBatch(signed, usPeer);
    var result = receiver.ReceiveAsync(envelope.Compact, (_, _) => Task.CompletedTask).GetAwaiter().GetResult();
    var outcomes = receipts.VerifyAsync(signed.Select(m => OutboxMessage.For(m, time.GetUtcNow())).ToList(), result.ReceiptEnvelope)
        .GetAwaiter().GetResult();
    if (outcomes.Any(o => o.Verdict != ReceiptVerdict.Delivered))
    {
        throw new InvalidOperationException("a message was not acknowledged");
    }
}

void Run(string name, string size, int n, Action<int> op)
{
    for (var i = 0; i < Math.Min(50, n); i++)
    {
        op(i);
    }
    var latencies = new double[n];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        var t = Stopwatch.GetTimestamp();
        op(i);
        latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }
    Report(name, size, n, total.Elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - cpu);
}

void RunBatches(string name, string size, int batches, int perBatch, Action op)
{
    op();
    var latencies = new double[batches];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    for (var i = 0; i < batches; i++)
    {
        var t = Stopwatch.GetTimestamp();
        op();
        latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }
    // Rate and CPU per message; latency per batch (the time the last message of a batch waits).
    Report(name, size, batches * perBatch, total.Elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - cpu);
}

void RunParallel(string name, string size, int n, Action<int> op)
{
    var latencies = new double[n];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        var t = Stopwatch.GetTimestamp();
        op(i);
        latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    });
    Report(name, size, n, total.Elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - cpu);
}

// CPU time per message is what the machine's load cannot inflate (wall time can: it is shared).
static void Report(string name, string size, int n, TimeSpan elapsed, double[] latencies, TimeSpan cpu)
{
    Array.Sort(latencies);
    double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
    Console.WriteLine($"| {name} | {size} | {n / elapsed.TotalSeconds:F0} | {P(0.5):F2} | {P(0.99):F2} | {cpu.TotalMilliseconds / n:F2} |");
}
