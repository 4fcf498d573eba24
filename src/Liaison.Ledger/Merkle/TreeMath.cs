using System.Numerics;

namespace Liaison.Ledger.Merkle;

/// <summary>Bit arithmetic on tree sizes shared by proof generation and verification.</summary>
internal static class TreeMath
{
    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits D[n].</summary>
    public static ulong SplitPoint(ulong n) => 1UL << (63 - BitOperations.LeadingZeroCount(n - 1));

    public static bool IsPowerOfTwo(ulong n) => n != 0 && (n & (n - 1)) == 0;

    /// <summary>Number of trailing one bits (how many merges an append to a log of this size triggers).</summary>
    public static int TrailingOnes(ulong n) => BitOperations.TrailingZeroCount(~n);
}
