using System.Text.Json;

namespace Liaison.Matching.Tests;

/// <summary>Loads published vectors copied into TestData/ (see TestData/README.md for provenance).</summary>
internal static class TestVectors
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static JsonDocument Load(string relative) => JsonDocument.Parse(File.ReadAllBytes(PathOf(relative)));
}
