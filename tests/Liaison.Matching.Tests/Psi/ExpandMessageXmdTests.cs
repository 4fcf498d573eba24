using System.Globalization;
using System.Text;
using Liaison.Matching.Psi;

namespace Liaison.Matching.Tests.Psi;

public sealed class ExpandMessageXmdTests
{
    public static TheoryData<string, int, string> Rfc9380Sha512Vectors()
    {
        using var doc = TestVectors.Load("rfc9380/expand_message_xmd_SHA512_38.json");
        var data = new TheoryData<string, int, string>();
        foreach (var test in doc.RootElement.GetProperty("tests").EnumerateArray())
        {
            var length = int.Parse(test.GetProperty("len_in_bytes").GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            data.Add(test.GetProperty("msg").GetString()!, length, test.GetProperty("uniform_bytes").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rfc9380Sha512Vectors))]
    public void Expand_message_xmd_sha512_matches_rfc9380_vectors(string message, int length, string expectedHex)
    {
        using var doc = TestVectors.Load("rfc9380/expand_message_xmd_SHA512_38.json");
        var dst = Encoding.ASCII.GetBytes(doc.RootElement.GetProperty("DST").GetString()!);
        var output = new byte[length];

        ExpandMessageXmd.Sha512(Encoding.ASCII.GetBytes(message), dst, output);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(output));
    }
}
