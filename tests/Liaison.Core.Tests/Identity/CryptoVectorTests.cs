using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Core.Identity;

namespace Liaison.Core.Tests.Identity;

/// <summary>The primitives the login and pseudonym code rests on, checked against their RFCs' published vectors.</summary>
public class CryptoVectorTests
{
    private static JsonElement Vectors(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file))).RootElement.GetProperty("vectors");

    public static TheoryData<string, string, string, string> Rfc4231()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var v in Vectors("rfc4231-hmac-sha256.json").EnumerateArray())
        {
            data.Add(v.GetProperty("name").GetString()!, v.GetProperty("key").GetString()!, v.GetProperty("data").GetString()!, v.GetProperty("mac").GetString()!);
        }
        return data;
    }

    public static TheoryData<string, string, int, int, string> Rfc7914()
    {
        var data = new TheoryData<string, string, int, int, string>();
        foreach (var v in Vectors("rfc7914-pbkdf2-sha256.json").EnumerateArray())
        {
            data.Add(v.GetProperty("password").GetString()!, v.GetProperty("salt").GetString()!, v.GetProperty("iterations").GetInt32(),
                v.GetProperty("length").GetInt32(), v.GetProperty("derivedKey").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void HMAC_SHA256_matches_RFC_4231(string name, string keyHex, string dataHex, string macHex)
    {
        var mac = HMACSHA256.HashData(Convert.FromHexString(keyHex), Convert.FromHexString(dataHex));

        Assert.True(string.Equals(macHex, Convert.ToHexStringLower(mac)[..macHex.Length], StringComparison.Ordinal), name);
    }

    [Theory]
    [MemberData(nameof(Rfc7914))]
    public void PBKDF2_SHA256_matches_RFC_7914(string password, string salt, int iterations, int length, string expectedHex)
    {
        var derived = PasswordHasher.Derive(password, Encoding.UTF8.GetBytes(salt), iterations, length);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(derived));
    }
}
