using System.Text.Json;
using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Tests.Vectors;

public sealed class Rfc7638ThumbprintTests
{
    [Fact]
    public void Published_example_key_has_the_published_thumbprint()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "rfc7638", "thumbprint.json")));
        var jwk = doc.RootElement.GetProperty("jwk");
        // Only the required members count: alg and kid in the example must not change the result.
        var members = doc.RootElement.GetProperty("required_members").EnumerateArray()
            .Select(m => m.GetString()!).ToDictionary(m => m, m => jwk.GetProperty(m).GetString()!);

        Assert.Equal(doc.RootElement.GetProperty("thumbprint_sha256_b64u").GetString(), JwkThumbprint.Compute(members));
    }

    [Fact]
    public void Key_id_of_a_node_key_is_its_thumbprint_and_fingerprint_is_its_hex()
    {
        using var key = NodeKey.Generate(KeyUse.Signing, DateTimeOffset.UnixEpoch);

        Assert.True(key.Public.IsSelfConsistent());
        var hex = Convert.ToHexString(Jose.Base64Url.Decode(key.Kid));
        Assert.Equal(hex, KeyFingerprint.Of(key.Public).Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(16, KeyFingerprint.Of(key.Public).Split(' ').Length);
    }

    [Fact]
    public void Key_whose_kid_is_not_its_thumbprint_is_not_self_consistent()
    {
        using var a = NodeKey.Generate(KeyUse.Signing, DateTimeOffset.UnixEpoch);
        using var b = NodeKey.Generate(KeyUse.Signing, DateTimeOffset.UnixEpoch);

        Assert.False((a.Public with { Kid = b.Kid }).IsSelfConsistent());
        Assert.False((a.Public with { Use = "enc" }).IsSelfConsistent());
    }
}
