using Liaison.Core.Model;
using Liaison.Matching.Psi;


namespace Liaison.Bench.Matching;

/// <summary>One whole PSI session (both sides in this process), n identifiers asked of a holder with n, 10 % overlap.</summary>
internal static class PsiBench
{
    public static void Run(bool large, int? onlySize = null)
    {
        Console.WriteLine();
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine("| PSI n × n | cores | prepare holder set | query | holder answer | querier finish | total wall (CPU) | identifiers/s wall | per CPU-second | bytes on wire | matches |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        int[] sizes = onlySize is { } one ? [one] : large ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
        foreach (var n in sizes)
        {
            foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                if (n >= 1_000_000 && cores == 1)
                {
                    continue; // ~4 M scalar multiplications on one core: run with --large only on a quiet machine
                }
                Session(n, cores);
                Console.WriteLine($"load average after: {LoadAverage()}");
            }
        }
    }

    // The machine is shared: the load beside each row says how much of the wall time was waiting.
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Session(int n, int cores)
    {
        var options = new PsiOptions { MaxDegreeOfParallelism = cores };
        var time = TimeProvider.System;
        var held = Enumerable.Range(0, n).Select(i => new Identifier(IdentifierKind.Phone, $"+4477{i:D9}", "phone")).ToArray();
        // 10 % of the asked numbers are held.
        var asked = Enumerable.Range(0, n).Select(i => new Identifier(IdentifierKind.Phone, $"+4477{(i % 10 == 0 ? i : n + i):D9}", "phone")).ToArray();
        var budget = new PsiBudget(new PsiBudgetOptions { MaxIdentifiersPerSession = int.MaxValue, MaxIdentifiersPerDay = int.MaxValue }, time);

        PsiHolderSet? set = null;
        var prepare = Measured.Of(() => set = PsiHolderSet.Prepare(held, options));
        var holder = new PsiHolder(set!, budget, time, options);
        var querier = new PsiQuerier("holder", asked, PsiMode.Intersection, time, options);
        PsiQuery? query = null;
        var blind = Measured.Of(() => query = querier.CreateQuery());
        PsiHolderReply? reply = null;
        var answer = Measured.Of(() => reply = holder.Respond("querier", query!));
        PsiQuerierResult? result = null;
        var finish = Measured.Of(() => result = querier.Complete(reply!.Response));
        var total = prepare + blind + answer + finish;
        var bytes = query!.BlindedElements.Length + reply!.Response.EvaluatedElements.Length + reply.Response.HolderTags.Length;
        Console.WriteLine($"| {n:N0} × {n:N0} | {cores} | {S(prepare)} | {S(blind)} | {S(answer)} | {S(finish)} | {total} | {n / total.WallSeconds:N0} | {n / total.CpuSeconds:N0} | {bytes / 1e6:N1} MB | {result!.MatchCount:N0} |");
        if (result.MatchCount != n / 10)
        {
            throw new InvalidOperationException($"expected {n / 10} matches, got {result.MatchCount}");
        }
    }

    private static string S(Measured t) => $"{t.WallSeconds:N2} s";
}
