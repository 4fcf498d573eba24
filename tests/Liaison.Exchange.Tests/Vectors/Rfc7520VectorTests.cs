using System.Text;
using Jose;

namespace Liaison.Exchange.Tests.Vectors;

/// <summary>
/// The JOSE library under the envelope (jose-jwt) checked against the RFC 7520 cookbook: the
/// published outputs of other implementations, so agreement is agreement with the standard.
/// </summary>
public sealed class Rfc7520VectorTests
{
    [Theory]
    [InlineData("4_3.ecdsa_signature.json", "ES512")]
    [InlineData("4_4.hmac-sha2_integrity_protection.json", "HS256")]
    public void Published_signature_verifies_and_yields_the_payload(string file, string alg)
    {
        var v = Rfc7520Vector.Load(file);
        var compact = v.Text("output", "compact");

        var payload = JWT.Verify(compact, v.Key("input", "key"), Enum.Parse<JwsAlgorithm>(alg));

        Assert.Equal(v.Text("input", "payload"), payload);
    }

    [Theory]
    [InlineData("4_3.ecdsa_signature.json", "ES512")]
    [InlineData("4_4.hmac-sha2_integrity_protection.json", "HS256")]
    public void Published_signature_with_one_flipped_bit_is_refused(string file, string alg)
    {
        var v = Rfc7520Vector.Load(file);
        var parts = v.Text("output", "compact").Split('.');
        var sig = Base64Url.Decode(parts[2]);
        sig[sig.Length / 2] ^= 0x01;
        var forged = $"{parts[0]}.{parts[1]}.{Base64Url.Encode(sig)}";

        Assert.ThrowsAny<JoseException>(() => JWT.Verify(forged, v.Key("input", "key"), Enum.Parse<JwsAlgorithm>(alg)));
    }

    [Fact]
    public void Hmac_signature_is_reproduced_byte_for_byte()
    {
        // HS256 is deterministic, so the library must produce exactly the published signature
        // over the published signing input.
        var v = Rfc7520Vector.Load("4_4.hmac-sha2_integrity_protection.json");
        var key = (byte[])v.Key("input", "key");

        var sig = JWT.DefaultSettings.Jws("HS256").Sign(Encoding.ASCII.GetBytes(v.Text("signing", "sig-input")), key);

        Assert.Equal(v.Text("signing", "sig"), Base64Url.Encode(sig));
    }

    [Theory]
    [InlineData("5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json", "ECDH_ES_A128KW", "A128GCM")]
    [InlineData("5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json", "ECDH_ES", "A128CBC_HS256")]
    [InlineData("5_6.direct_encryption_using_aes-gcm.json", "DIR", "A128GCM")]
    [InlineData("5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json", "A128KW", "A128GCM")]
    public void Published_encryption_decrypts_to_the_plaintext(string file, string alg, string enc)
    {
        var v = Rfc7520Vector.Load(file);

        var plaintext = JWT.Decode(v.Text("output", "compact"), v.Key("input", "key"),
            Enum.Parse<JweAlgorithm>(alg), Enum.Parse<JweEncryption>(enc));

        Assert.Equal(v.Text("input", "plaintext"), plaintext);
    }

    [Theory]
    [InlineData("5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json", 3)]
    [InlineData("5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json", 4)]
    [InlineData("5_6.direct_encryption_using_aes-gcm.json", 3)]
    [InlineData("5_6.direct_encryption_using_aes-gcm.json", 4)]
    public void Published_encryption_with_a_tampered_part_is_refused(string file, int part)
    {
        var v = Rfc7520Vector.Load(file);
        var parts = v.Text("output", "compact").Split('.');
        var bytes = Base64Url.Decode(parts[part]);
        bytes[0] ^= 0x80;
        parts[part] = Base64Url.Encode(bytes);

        Assert.ThrowsAny<JoseException>(() => JWT.Decode(string.Join('.', parts), v.Key("input", "key")));
    }

    [Fact]
    public void Nested_signature_inside_encryption_decrypts_then_verifies()
    {
        var v = Rfc7520Vector.Load("6.nesting_signatures_and_encryption.json");

        var inner = JWT.Decode(v.Text("encrypt", "output", "compact"), v.Key("encrypt", "input", "key"),
            JweAlgorithm.RSA_OAEP, JweEncryption.A128GCM);
        var payload = JWT.Verify(inner, v.Key("sign", "input", "key"), JwsAlgorithm.PS256);

        Assert.Equal(v.Text("sign", "output", "compact"), inner);
        Assert.Equal(v.Text("sign", "input", "payload"), payload);
    }
}
