using System.Diagnostics;
using System.Globalization;
using Liaison.Analysis.Centrality;
using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Graphs.Import;
using Liaison.Analysis.Structure;
using Liaison.Bench.Analysis;

// Side-by-side runner for bench/analysis.sh.
//   generate FILE N M SEED            writes a Barabási–Albert edge list
//   cdr ROWS NUMBERS SEED             call-record timings (common contacts of 10 targets …)
//   run FILE[,FILE…] ALGOS K REPEAT   times the algorithms; prints one line per algorithm:
//                                     "liaison <algo> <wall seconds> <checksum> <cpu seconds>", then "liaison peak_mb <MB>"
// ALGOS is a comma list of load,pagerank,pagerank_exact,betweenness,louvain,components (pagerank_exact
// iterates to an L1 error of 1e-10, as igraph's PRPACK solves; pagerank uses NetworkX's N x 1e-6 rule); K is the number of sampled
// betweenness sources, 0 for exact. With several files the times are summed over them.
// REPEAT runs each measurement that many times and keeps the fastest.
var inv = CultureInfo.InvariantCulture;
if (args.Length >= 5 && args[0] == "generate")
{
    BarabasiAlbert.Write(args[1], int.Parse(args[2], inv), int.Parse(args[3], inv), ulong.Parse(args[4], inv));
    return 0;
}
if (args.Length >= 4 && args[0] == "cdr")
{
    CdrBench.Run(int.Parse(args[1], inv), int.Parse(args[2], inv), ulong.Parse(args[3], inv));
    Console.WriteLine(string.Create(inv, $"cdr peak_mb {PeakMegabytes():F0}"));
    return 0;
}
if (args.Length < 5 || args[0] != "run")
{
    Console.Error.WriteLine("usage: generate FILE N M SEED | cdr ROWS NUMBERS SEED | run FILES ALGOS K REPEAT");
    return 2;
}
var files = args[1].Split(',');
var algos = args[2].Split(',');
var k = int.Parse(args[3], inv);
var repeat = int.Parse(args[4], inv);
Warm.Up();
if (algos.Contains("load") && algos[0] != "load")
{
    Console.Error.WriteLine("load, when measured, must be the first algorithm");
    return 2;
}
var totals = algos.ToDictionary(a => a, _ => 0.0);
var cpu = algos.ToDictionary(a => a, _ => 0.0);
var checks = algos.ToDictionary(a => a, _ => 0.0);
foreach (var file in files)
{
    Graph? graph = null;
    double Time(Func<double> body, out double check, out double cpuSeconds)
    {
        var best = double.MaxValue;
        check = 0;
        cpuSeconds = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            check = body();
            var wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            var used = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            if (wall < best)
            {
                best = wall;
                cpuSeconds = used;
            }
        }
        return best;
    }
    Graph Load() => file.EndsWith(".matrix.csv", StringComparison.Ordinal) || file.Contains("criminal-networks", StringComparison.Ordinal)
        ? AdjacencyMatrixReader.Read(file)
        : EdgeListReader.Read(file);
    // When load is measured, that measurement is the load: two copies of a 10M-edge graph would double the peak.
    graph = algos.Contains("load") ? null : Load();
    foreach (var algo in algos)
    {
        var g = graph!;
        double check, used;
        var seconds = algo switch
        {
            "load" => Time(() => { g = null!; graph = null; g = Load(); return g.EdgeCount; }, out check, out used),
            "pagerank" => Time(() => PageRank.Compute(g).Values.ToArray().Max(), out check, out used),
            "pagerank_exact" => Time(() => PageRank.Compute(g, new PageRankOptions { Tolerance = 1e-10 / g.NodeCount, MaxIterations = 1000 }).Values.ToArray().Max(), out check, out used),
            "betweenness" => Time(() => Betweenness.Compute(g, new BetweennessOptions { SampleSources = k > 0 ? k : null, Seed = 1 }).Values.ToArray().Max(), out check, out used),
            "louvain" => Time(() => Louvain.Detect(g, new LouvainOptions { Seed = 1, Restarts = 1 }).Modularity, out check, out used),
            "components" => Time(() => Components.Compute(g).Count, out check, out used),
            _ => throw new ArgumentException($"unknown algorithm {algo}"),
        };
        graph = g;
        totals[algo] += seconds;
        cpu[algo] += used;
        checks[algo] += check;
    }
}
foreach (var algo in algos)
{
    Console.WriteLine(string.Create(inv, $"liaison {algo} {totals[algo]:F6} {checks[algo]:R} {cpu[algo]:F6}"));
}
Console.WriteLine(string.Create(inv, $"liaison peak_mb {PeakMegabytes():F0}"));
return 0;

static double PeakMegabytes()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }
    return double.NaN;
}
