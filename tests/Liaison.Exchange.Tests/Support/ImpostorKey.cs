using Jose;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Tests.Support;

/// <summary>Builds envelopes a correct sender never would: a kid that is not the signing key's, or inner and outer headers that differ.</summary>
internal sealed class ImpostorKey(NodeKey signer, string claimedKid)
{
    public string Seal(EnvelopeHeader signedHeader, PublicJwk recipientKey, EnvelopeHeader? outerHeader = null)
    {
        var inner = new Dictionary<string, object> { ["kid"] = claimedKid, ["typ"] = EnvelopeSealer.JwsType };
        signedHeader.WriteTo(inner);
        var jws = JWT.EncodeBytes("forged"u8.ToArray(), signer.Signer, JwsAlgorithm.ES256, inner);
        var outer = new Dictionary<string, object> { ["kid"] = recipientKey.Kid, ["typ"] = EnvelopeSealer.JweType, ["cty"] = EnvelopeSealer.JwsType };
        (outerHeader ?? signedHeader).WriteTo(outer);
        using var ecdh = recipientKey.ToECDiffieHellman();
        return JWT.Encode(jws, ecdh, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM, extraHeaders: outer);
    }
}
