using System.Formats.Asn1;

namespace Liaison.Exchange.Tests.Support;

/// <summary>
/// Reads the protection parameters out of an ENCRYPTED PRIVATE KEY PEM (RFC 5958
/// EncryptedPrivateKeyInfo with RFC 8018 PBES2), to check what is really on disk.
/// </summary>
internal sealed record Pkcs8Parameters(string Scheme, string Kdf, int Iterations, string Prf, string Cipher)
{
    public static Pkcs8Parameters Read(string pem)
    {
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var algorithm = info.ReadSequence();
        var scheme = algorithm.ReadObjectIdentifier();
        var pbes2 = algorithm.ReadSequence();
        var kdf = pbes2.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var kdfParams = kdf.ReadSequence();
        kdfParams.ReadOctetString();
        var iterations = (int)kdfParams.ReadInteger();
        if (kdfParams.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            kdfParams.ReadInteger();
        }
        var prf = kdfParams.ReadSequence().ReadObjectIdentifier();
        var cipher = pbes2.ReadSequence().ReadObjectIdentifier();
        return new Pkcs8Parameters(scheme, kdfOid, iterations, prf, cipher);
    }

    public const string Pbes2 = "1.2.840.113549.1.5.13";
    public const string Pbkdf2 = "1.2.840.113549.1.5.12";
    public const string HmacSha256 = "1.2.840.113549.2.9";
    public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
}
