using System.Globalization;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests;

/// <summary>The real covert networks (wiretap-reconstructed adjacency matrices) import as edge lists.</summary>
public class CriminalNetworkImportTests
{
    public static TheoryData<string, string> Networks()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestNode.Providers())
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "criminal-networks"), "*.csv").Order(StringComparer.Ordinal))
            {
                data.Add(provider, Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public async Task Every_tie_of_a_criminal_network_matrix_imports_as_a_link(string provider, string file)
    {
        var (edges, nodes) = MatrixToEdgeList(Path.Combine(AppContext.BaseDirectory, "data", "criminal-networks", file));
        var csv = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-" + Path.ChangeExtension(file, ".edges.csv"));
        await File.WriteAllLinesAsync(csv, ["source,target,weight", .. edges.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.A},{e.B},{e.W}"))]);
        await using var node = await TestNode.CreateAsync(provider);

        var result = await new ImportService(node.Config, node.Clock).ImportFileAsync(csv, new ImportOptions { CaseId = "networks", ImportedBy = "test" });

        Assert.Equal("edges", result.Format);
        await using var db = node.Db();
        Assert.Equal(edges.Count, await db.Records.CountAsync(r => r.Schema == "UnknownLink"));
        Assert.Equal(nodes, await db.Records.CountAsync(r => r.Schema == "Person"));
        File.Delete(csv);
    }

    /// <summary>Undirected edges with weight max(a_ij, a_ji), as the data set's README says.</summary>
    internal static (List<(string A, string B, double W)> Edges, int Nodes) MatrixToEdgeList(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var labels = lines[0].Split(',').Skip(1).Select(l => l.Trim('"', '\uFEFF', ' ')).ToArray();
        var n = labels.Length;
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (var j = 0; j < n; j++)
            {
                m[i, j] = double.Parse(cells[j + 1], CultureInfo.InvariantCulture);
            }
        }
        var edges = new List<(string, string, double)>();
        var touched = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var w = Math.Max(m[i, j], m[j, i]);
                if (w > 0)
                {
                    edges.Add((labels[i], labels[j], w));
                    touched.Add(i);
                    touched.Add(j);
                }
            }
        }
        return (edges, touched.Count);
    }
}
