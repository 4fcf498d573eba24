using System.Text.Json;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Graphs.Import;

namespace Liaison.Analysis.Tests.Graphs;

/// <summary>The real criminal networks in TestData and the NetworkX values computed for them by TestData/make_reference.py.</summary>
internal static class CriminalNetworks
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "criminal-networks"), "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    public static Graph Load(string name) =>
        AdjacencyMatrixReader.Read(Path.Combine(Folder, "criminal-networks", name + ".csv"));

    public static JsonElement Reference(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference", name + ".json")));
        return doc.RootElement.Clone();
    }
}
