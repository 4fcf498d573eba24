namespace Liaison.Matching.Psi;

/// <summary>
/// Holder → querier. <see cref="EvaluatedElements"/> are <c>b·a·H(x)</c> for the holder's fresh scalar <c>b</c>,
/// in query order (intersection mode) or shuffled (cardinality-only mode); <see cref="HolderTags"/> are
/// 16-byte tags of <c>b·H(y)</c> for every identifier <c>y</c> the holder has, shuffled.
/// </summary>
public sealed record PsiResponse(Guid SessionId, string Suite, PsiMode Mode, byte[] EvaluatedElements, byte[] HolderTags)
{
    public int EvaluatedCount => EvaluatedElements.Length / PsiSuite.ElementBytes;

    public int HolderSetSize => HolderTags.Length / PsiSuite.TagBytes;
}
