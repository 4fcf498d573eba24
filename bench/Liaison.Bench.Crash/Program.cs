using System.Diagnostics;
using System.Globalization;
using Liaison.Cli.Tests.CrashSafety;

// The long crash drill: `bench/crash-exchange.sh [messages] [kills] [alternate|receiver|sender]`.
// Two nodes made by the real CLI, served as child processes; a burst of case messages posted through
// GB's API while NL, GB or both in turn are SIGKILLed and started again; then the exactly-once count.
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var killCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var mode = args.Length > 2 ? args[2] : "alternate";
var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var kills = Enumerable.Range(0, killCount).Select(k => mode switch
{
    "receiver" => KillSide.Receiver,
    "sender" => KillSide.Sender,
    "alternate" => k % 2 == 0 ? KillSide.Receiver : KillSide.Sender,
    _ => throw new ArgumentException($"mode '{mode}': alternate, receiver or sender"),
}).ToList();

var wall = Stopwatch.StartNew();
await using var pair = await NodePair.CreateAsync();
await pair.StartAsync(TimeSpan.FromSeconds(180));
Console.Error.WriteLine($"nodes up after {wall.Elapsed.TotalSeconds:F1}s: {pair.Sender.NodeId} {pair.Sender.Endpoint} -> {pair.Receiver.NodeId} {pair.Receiver.Endpoint}");
var result = await new CrashDrill(pair, new DrillPlan(messages, kills, Seed: seed) { Patience = TimeSpan.FromSeconds(300) }).RunAsync("bench");
foreach (var line in result.Log)
{
    Console.Error.WriteLine(line);
}
var t = result.Tally;
Console.WriteLine($"| messages | kills (receiver / sender) | accepted (2xx) | cut by a kill (committed / not) | committed | delivered with receipt | received | distinct | duplicates | lost | max attempts | drill wall time |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine($"| {t.Sent} | {result.ReceiverKills + result.SenderKills} ({result.ReceiverKills} / {result.SenderKills}, {mode}) | {t.Accepted} | {t.Cut} ({t.CutButCommitted} / {t.Cut - t.CutButCommitted}) | {t.Committed} | {t.DeliveredWithReceipt} | {t.Received} | {t.Distinct} | {t.Duplicates} | {t.Lost} | {t.MaxAttempts} | {result.Wall.TotalSeconds:F0} s |");
Console.WriteLine();
Console.WriteLine(t.ToString());
foreach (var r in result.Refusals)
{
    Console.WriteLine("REFUSED " + r);
}
foreach (var v in t.Violations)
{
    Console.WriteLine("VIOLATION " + v);
}
Console.WriteLine(t.Violations.Count == 0 && result.Refusals.Count == 0 ? "PASS: every committed message arrived exactly once" : "FAIL");
return t.Violations.Count == 0 && result.Refusals.Count == 0 ? 0 : 1;
