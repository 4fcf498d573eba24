using System.Text.Json;

namespace Liaison.Ledger.Tests;

/// <summary>Finds the published vectors copied under TestData/ (see TestData/PROVENANCE.md).</summary>
internal static class TestDataFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every JSON file under a vector folder, as (relative path) rows for a Theory.</summary>
    public static TheoryData<string> JsonFilesUnder(string folder)
    {
        var data = new TheoryData<string>();
        var dir = PathOf(folder);
        foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    public static JsonElement Load(string relativePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, relativePath)));
        return doc.RootElement.Clone();
    }

    public static byte[] Bytes(JsonElement e) => e.ValueKind == JsonValueKind.Null ? [] : Convert.FromBase64String(e.GetString()!);

    public static List<byte[]> Hashes(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? [] : [.. e.EnumerateArray().Select(Bytes)];
}
