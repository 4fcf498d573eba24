using System.Globalization;
using Liaison.Analysis.Graphs;

namespace Liaison.Bench.Analysis;

/// <summary>
/// Writes a Barabási–Albert graph as an edge list (preferential attachment: each new node links
/// to <c>m</c> distinct earlier nodes chosen in proportion to their degree, as NetworkX's
/// <c>barabasi_albert_graph</c>), with integer weights 1–5, all from one seed.
/// </summary>
internal static class BarabasiAlbert
{
    public static void Write(string path, int n, int m, ulong seed)
    {
        var random = new SeededRandom(seed);
        var endpoints = new int[2L * n * m > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(n)) : 2 * n * m];
        var count = 0;
        using var output = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        output.Write("source,target,weight\n");
        // Start from a star on m+1 nodes, as NetworkX does.
        for (var v = 1; v <= m; v++)
        {
            Edge(output, 0, v, ref random);
            endpoints[count++] = 0;
            endpoints[count++] = v;
        }
        var chosen = new HashSet<int>();
        for (var v = m + 1; v < n; v++)
        {
            chosen.Clear();
            while (chosen.Count < m)
            {
                chosen.Add(endpoints[random.Next(count)]);
            }
            foreach (var t in chosen)
            {
                Edge(output, v, t, ref random);
                endpoints[count++] = v;
                endpoints[count++] = t;
            }
        }
    }

    private static void Edge(StreamWriter output, int a, int b, ref SeededRandom random)
    {
        output.Write(a.ToString(CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(b.ToString(CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write((char)('1' + random.Next(5)));
        output.Write('\n');
    }
}
