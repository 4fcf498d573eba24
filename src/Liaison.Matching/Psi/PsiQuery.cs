namespace Liaison.Matching.Psi;

/// <summary>
/// Querier → holder: the querier's identifiers, each hashed to ristretto255 and multiplied by the
/// querier's fresh session scalar <c>a</c> (<c>a·H(x)</c>), packed 32 bytes each. Uniformly random to the
/// holder: it learns only how many identifiers are asked.
/// </summary>
/// <param name="SessionId">Random per session; the holder answers each id once.</param>
/// <param name="Suite">Must equal <see cref="PsiSuite.Name"/>.</param>
/// <param name="Mode">What the querier asks to learn.</param>
/// <param name="BlindedElements">Concatenated 32-byte encodings of a·H(x).</param>
public sealed record PsiQuery(Guid SessionId, string Suite, PsiMode Mode, byte[] BlindedElements)
{
    public int Count => BlindedElements.Length / PsiSuite.ElementBytes;
}
