namespace Liaison.Matching.Psi;

/// <summary>Names and sizes fixed by the PSI protocol version; both nodes must agree on them.</summary>
public static class PsiSuite
{
    /// <summary>Carried in every message; a node refuses a session whose suite it does not speak.</summary>
    public const string Name = "liaison-psi-v1:OPRF(ristretto255,SHA-512)";

    /// <summary>Size of one group element (blinded or evaluated identifier) on the wire.</summary>
    public const int ElementBytes = 32;

    /// <summary>
    /// The holder's set travels as 128-bit truncations of its OPRF outputs: collisions between n and m
    /// items have probability about n·m/2¹²⁸, and the querier gets no group elements of the holder's set.
    /// </summary>
    public const int TagBytes = 16;
}
