using Liaison.Matching.Psi;

namespace Liaison.Matching.Tests.Psi;

/// <summary>RFC 9497 Appendix A.1 (ristretto255-SHA512): hash-to-group, blinding, evaluation and finalisation.</summary>
public sealed class OprfVectorTests
{
    public sealed record Case(byte Mode, string Seed, string KeyInfo, string Key, string Input, string Blind, string Blinded, string? Evaluated, string? Output)
    {
        public override string ToString() => $"mode {Mode} input {Input[..Math.Min(8, Input.Length)]}";
    }

    public static TheoryData<Case> Vectors()
    {
        using var doc = TestVectors.Load("rfc9497/ristretto255-SHA512.json");
        var data = new TheoryData<Case>();
        foreach (var suite in doc.RootElement.EnumerateArray())
        {
            var mode = suite.GetProperty("mode").GetByte();
            foreach (var v in suite.GetProperty("vectors").EnumerateArray())
            {
                // Batched vectors list several comma-separated values; each position is one case.
                var inputs = v.GetProperty("Input").GetString()!.Split(',');
                var blinds = v.GetProperty("Blind").GetString()!.Split(',');
                var blinded = v.GetProperty("BlindedElement").GetString()!.Split(',');
                var evaluated = v.GetProperty("EvaluationElement").GetString()!.Split(',');
                var outputs = v.GetProperty("Output").GetString()!.Split(',');
                for (var i = 0; i < inputs.Length; i++)
                {
                    data.Add(new Case(mode, suite.GetProperty("seed").GetString()!, suite.GetProperty("keyInfo").GetString()!,
                        suite.GetProperty("skSm").GetString()!, inputs[i], blinds[i], blinded[i],
                        // POPRF (mode 2) evaluates with (k + t)⁻¹, which the PSI does not use: only its blinding is checked.
                        mode == 2 ? null : evaluated[i], mode == 2 ? null : outputs[i]));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Key_derived_from_seed_and_info_matches_vector(Case c)
    {
        var suite = new OprfRistretto255Sha512(c.Mode);

        var key = suite.DeriveKey(Convert.FromHexString(c.Seed), Convert.FromHexString(c.KeyInfo));

        Assert.Equal(c.Key, Convert.ToHexStringLower(key));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Blinded_element_matches_vector(Case c)
    {
        var blinded = new byte[32];

        new OprfRistretto255Sha512(c.Mode).Blind(Convert.FromHexString(c.Input), Convert.FromHexString(c.Blind), blinded);

        Assert.Equal(c.Blinded, Convert.ToHexStringLower(blinded));
    }

    public static TheoryData<Case> EvaluationVectors()
    {
        var data = new TheoryData<Case>();
        foreach (var c in Vectors())
        {
            if (c.Evaluated is not null)
            {
                data.Add(c);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EvaluationVectors))]
    public void Evaluation_and_finalisation_match_vector(Case c)
    {
        var evaluated = new byte[32];
        var output = new byte[64];
        var direct = new byte[64];

        var ok = OprfRistretto255Sha512.TryBlindEvaluate(Convert.FromHexString(c.Key), Convert.FromHexString(c.Blinded), evaluated);
        OprfRistretto255Sha512.Finalize(Convert.FromHexString(c.Input), Convert.FromHexString(c.Blind), evaluated, output);
        new OprfRistretto255Sha512(c.Mode).Evaluate(Convert.FromHexString(c.Key), Convert.FromHexString(c.Input), direct);

        Assert.True(ok);
        Assert.Equal(c.Evaluated!, Convert.ToHexStringLower(evaluated));
        Assert.Equal(c.Output, Convert.ToHexStringLower(output));
        Assert.Equal(c.Output, Convert.ToHexStringLower(direct));
    }

    [Fact]
    public void Base_mode_hash_to_group_dst_is_the_rfc9497_one()
    {
        Assert.Equal("48617368546f47726f75702d4f50524656312d002d72697374726574746f3235352d534841353132",
            Convert.ToHexStringLower(OprfRistretto255Sha512.Base.HashToGroupDst));
    }
}
