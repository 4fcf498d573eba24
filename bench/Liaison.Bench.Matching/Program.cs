using Liaison.Bench.Matching;

// Usage: Liaison.Bench.Matching [primitives|psi-profile|psi|dice|clk|hub|hub-http|all] [--large] [--n=N] [--febrl=FOLDER]
// (hub: CLK linkage N × N, default 100k, through the linkage hub's stored runs; not part of "all".)
// (hub-http: the same end to end through HTTP — a real hub NodeHost on 127.0.0.1, sealed chunked uploads; not part of "all".)
// (--n=N runs only the PSI session of N × N, e.g. --n=1000000 for the 1M × 1M row alone.)
// Prints one markdown table row per measurement; bench/matching.sh runs it beside its peers.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var large = args.Contains("--large");
Console.WriteLine($"# Liaison.Bench.Matching {what} on {Environment.ProcessorCount} cores, AVX-512BW {System.Runtime.Intrinsics.X86.Avx512BW.IsSupported}");
if (what is "primitives" or "all")
{
    PrimitivesBench.Run();
}
if (what is "psi-profile" or "all")
{
    PsiProfileBench.Run();
}
if (what is "psi" or "all")
{
    var only = args.FirstOrDefault(a => a.StartsWith("--n=", StringComparison.Ordinal));
    PsiBench.Run(large, only is null ? null : int.Parse(only["--n=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}
if (what is "dice" or "all")
{
    DiceBench.Run();
}
if (what is "hub")
{
    var n = args.FirstOrDefault(a => a.StartsWith("--n=", StringComparison.Ordinal));
    await ClkHubBench.RunAsync(args.FirstOrDefault(a => a.StartsWith("--febrl=", StringComparison.Ordinal))?["--febrl=".Length..] ?? "/work/shared/data/febrl",
        n is null ? 100_000 : int.Parse(n["--n=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}
if (what is "hub-http")
{
    var n = args.FirstOrDefault(a => a.StartsWith("--n=", StringComparison.Ordinal));
    await ClkHubHttpBench.RunAsync(args.FirstOrDefault(a => a.StartsWith("--febrl=", StringComparison.Ordinal))?["--febrl=".Length..] ?? "/work/shared/data/febrl",
        n is null ? 100_000 : int.Parse(n["--n=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}
if (what is "clk" or "all")
{
    ClkBench.Run(args.FirstOrDefault(a => a.StartsWith("--febrl=", StringComparison.Ordinal))?["--febrl=".Length..] ?? "/work/shared/data/febrl");
}
