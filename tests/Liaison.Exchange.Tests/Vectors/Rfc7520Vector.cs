using System.Text.Json;
using Jose;

namespace Liaison.Exchange.Tests.Vectors;

/// <summary>Loads one RFC 7520 cookbook file from TestData and hands out its parts.</summary>
internal sealed class Rfc7520Vector
{
    private readonly JsonElement _root;

    private Rfc7520Vector(JsonElement root) => _root = root;

    public static Rfc7520Vector Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "rfc7520", fileName);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new Rfc7520Vector(doc.RootElement.Clone());
    }

    public JsonElement At(params string[] path)
    {
        var e = _root;
        foreach (var p in path)
        {
            e = e.GetProperty(p);
        }
        return e;
    }

    public string Text(params string[] path) => At(path).GetString()!;

    /// <summary>The key at <paramref name="path"/> as jose-jwt's Jwk (for EC/RSA keys) or raw bytes (for "oct" keys).</summary>
    public object Key(params string[] path)
    {
        var json = At(path).GetRawText();
        var jwk = Jwk.FromJson(json, JWT.DefaultSettings.JsonMapper);
        return jwk.Kty == Jwk.KeyTypes.OCT ? jwk.OctKey() : jwk;
    }
}
