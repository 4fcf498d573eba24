using System.Globalization;
using System.Text;

namespace Liaison.Cli.Tests.NetworkX;

/// <summary>
/// Edge lists for the NetworkX comparison: the criminal networks (published as adjacency matrices,
/// written here as edge lists with weight max(a_ij, a_ji)) and seeded generated graphs, weighted and
/// unweighted, each with several components.
/// </summary>
internal static class EdgeFiles
{
    private static readonly string MatrixFolder = Path.Combine(AppContext.BaseDirectory, "criminal-networks");

    public static IEnumerable<string> CriminalNetworks() =>
        Directory.GetFiles(MatrixFolder, "*.csv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> Generated() => ["unweighted-4-components", "weighted-3-components", "fractional-repeated-pairs"];

    /// <summary>Writes the named network as an edge list into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string name, string folder)
    {
        var path = Path.Combine(folder, name + ".csv");
        var lines = File.Exists(Path.Combine(MatrixFolder, name + ".csv")) ? FromMatrix(Path.Combine(MatrixFolder, name + ".csv")) : Generate(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", Encoding.UTF8);
        return path;
    }

    private static IEnumerable<string> FromMatrix(string path)
    {
        var rows = File.ReadAllLines(path).Select(l => l.Split(',').Select(c => c.Trim('\uFEFF', '"', ' ')).ToArray()).ToArray();
        var labels = rows[0][1..];
        var weights = new Dictionary<(int, int), double>();
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                var w = double.Parse(rows[i + 1][j + 1], CultureInfo.InvariantCulture);
                if (w > 0 && i != j)
                {
                    var key = (Math.Min(i, j), Math.Max(i, j));
                    weights[key] = Math.Max(weights.GetValueOrDefault(key), w);
                }
            }
        }
        yield return "source,target,weight";
        foreach (var ((a, b), w) in weights.OrderBy(p => p.Key))
        {
            yield return $"{labels[a]},{labels[b]},{w.ToString("R", CultureInfo.InvariantCulture)}";
        }
    }

    private static List<string> Generate(string name)
    {
        var random = new Random(name.Length * 7919);
        var edges = new List<(string A, string B, double W)>();
        switch (name)
        {
            case "unweighted-4-components":
                Preferential(edges, random, "ba", 400, 2, () => 1);
                RandomGraph(edges, random, "er", 150, 0.03, () => 1);
                Ring(edges, random, "ring", 30, 6, () => 1);
                edges.AddRange([("t1", "t2", 1), ("t2", "t3", 1), ("t3", "t1", 1), ("p1", "p2", 1)]);
                return ["source,target", .. edges.Select(e => $"{e.A},{e.B}")];
            case "weighted-3-components":
                Preferential(edges, random, "ba", 600, 3, () => random.Next(1, 21));
                Ring(edges, random, "ring", 100, 20, () => random.Next(1, 6));
                edges.AddRange(Enumerable.Range(1, 5).Select(i => ("hub", "leaf" + i, (double)i)));
                break;
            case "fractional-repeated-pairs":
                RandomGraph(edges, random, "a", 250, 0.02, () => Math.Round(0.1 + (random.NextDouble() * 4.9), 3));
                RandomGraph(edges, random, "b", 60, 0.08, () => Math.Round(0.1 + (random.NextDouble() * 4.9), 3));
                // Repeated pairs add up and self-loops are dropped, on both sides.
                edges.AddRange(edges.Take(40).Select(e => (e.B, e.A, 0.25)).ToList());
                edges.AddRange([("a1", "a1", 2.0), ("b1", "b1", 1.0)]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such generated network");
        }
        return ["source,target,weight", .. edges.Select(e => $"{e.A},{e.B},{e.W.ToString("R", CultureInfo.InvariantCulture)}")];
    }

    /// <summary>Barabási–Albert: each new node links to <paramref name="m"/> distinct nodes picked in proportion to degree.</summary>
    private static void Preferential(List<(string, string, double)> edges, Random random, string prefix, int n, int m, Func<double> weight)
    {
        var ends = new List<int>();
        for (var v = 1; v <= m; v++)
        {
            edges.Add(($"{prefix}0", $"{prefix}{v}", weight()));
            ends.AddRange([0, v]);
        }
        for (var v = m + 1; v < n; v++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < m)
            {
                chosen.Add(ends[random.Next(ends.Count)]);
            }
            foreach (var u in chosen.Order())
            {
                edges.Add(($"{prefix}{v}", $"{prefix}{u}", weight()));
                ends.AddRange([u, v]);
            }
        }
    }

    /// <summary>Erdős–Rényi G(n, p): sparse, so it usually falls into a giant part and a few strays.</summary>
    private static void RandomGraph(List<(string, string, double)> edges, Random random, string prefix, int n, double p, Func<double> weight)
    {
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add(($"{prefix}{a}", $"{prefix}{b}", weight()));
                }
            }
        }
    }

    /// <summary>A ring with random chords: long paths, so closeness and betweenness differ from node to node.</summary>
    private static void Ring(List<(string, string, double)> edges, Random random, string prefix, int n, int chords, Func<double> weight)
    {
        for (var v = 0; v < n; v++)
        {
            edges.Add(($"{prefix}{v}", $"{prefix}{(v + 1) % n}", weight()));
        }
        for (var c = 0; c < chords; c++)
        {
            var (a, b) = (random.Next(n), random.Next(n));
            if (Math.Abs(a - b) > 1 && Math.Abs(a - b) < n - 1)
            {
                edges.Add(($"{prefix}{a}", $"{prefix}{b}", weight()));
            }
        }
    }
}
