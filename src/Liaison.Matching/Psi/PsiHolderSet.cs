using Liaison.Core.Model;

namespace Liaison.Matching.Psi;

/// <summary>
/// The identifiers a node is prepared to match, hashed to ristretto255 once (hashing is key-independent,
/// so it is reused by every session; the per-session key is applied in <see cref="PsiHolder"/>).
/// Duplicates are dropped so that the set size the querier sees is the number of distinct identifiers.
/// </summary>
public sealed class PsiHolderSet
{
    private PsiHolderSet(byte[][] inputs, byte[] hashedElements)
    {
        Inputs = inputs;
        HashedElements = hashedElements;
    }

    public int Count => Inputs.Length;

    internal byte[][] Inputs { get; }

    /// <summary>H(y) for each input, 32 bytes each, in <see cref="Inputs"/> order.</summary>
    internal byte[] HashedElements { get; }

    public static PsiHolderSet Prepare(IEnumerable<Identifier> identifiers, PsiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var inputs = PsiInput.Distinct(identifiers).Select(d => d.Input).ToArray();
        var hashed = new byte[inputs.Length * PsiSuite.ElementBytes];
        (options ?? PsiOptions.Default).For(inputs.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                OprfRistretto255Sha512.Base.HashToGroup(inputs[i], hashed.AsSpan(i * PsiSuite.ElementBytes, PsiSuite.ElementBytes));
            }
        });
        return new PsiHolderSet(inputs, hashed);
    }
}
