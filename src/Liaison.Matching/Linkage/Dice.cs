using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Liaison.Matching.Linkage;

/// <summary>
/// Sørensen–Dice similarity of two filters, 2·|A∧B| / (|A| + |B|), from popcounts. The hot path is
/// |A∧B|: hardware POPCNT on 64-bit words, or for 1024-bit filters an AVX-512BW nibble-table popcount
/// (Mula's method) when the CPU has it — .NET 10 exposes no VPOPCNTQ intrinsic.
/// </summary>
public static class Dice
{
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("filters differ in length", nameof(b));
        }
        var pa = 0;
        var pb = 0;
        foreach (var w in a)
        {
            pa += BitOperations.PopCount(w);
        }
        foreach (var w in b)
        {
            pb += BitOperations.PopCount(w);
        }
        return Score(AndPopCount(a, b), pa, pb);
    }

    public static double Score(int common, int popA, int popB) => popA + popB == 0 ? 0.0 : 2.0 * common / (popA + popB);

    /// <summary>|A ∧ B| for equal-length filters.</summary>
    public static int AndPopCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 16)
        {
            return Avx512BW.IsSupported
                ? AndPopCount1024Avx512(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b))
                : AndPopCount1024(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b));
        }
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AndPopCount1024(ref ulong a, ref ulong b)
    {
        // Four independent accumulators keep the POPCNT units busy.
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (var i = 0; i < 16; i += 4)
        {
            c0 += BitOperations.PopCount(Unsafe.Add(ref a, i) & Unsafe.Add(ref b, i));
            c1 += BitOperations.PopCount(Unsafe.Add(ref a, i + 1) & Unsafe.Add(ref b, i + 1));
            c2 += BitOperations.PopCount(Unsafe.Add(ref a, i + 2) & Unsafe.Add(ref b, i + 2));
            c3 += BitOperations.PopCount(Unsafe.Add(ref a, i + 3) & Unsafe.Add(ref b, i + 3));
        }
        return c0 + c1 + c2 + c3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AndPopCount1024Avx512(ref ulong a, ref ulong b)
    {
        var x0 = Vector512.LoadUnsafe(ref a) & Vector512.LoadUnsafe(ref b);
        var x1 = Vector512.LoadUnsafe(ref a, 8) & Vector512.LoadUnsafe(ref b, 8);
        return HorizontalSum(ByteCounts(x0.AsByte()) + ByteCounts(x1.AsByte()));
    }

    private static readonly Vector512<byte> NibbleCounts = Vector512.Create(
        (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    /// <summary>Popcount of each byte via two 16-entry table lookups (low and high nibble).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<byte> ByteCounts(Vector512<byte> v)
    {
        var low = v & Vector512.Create((byte)0x0f);
        var high = Vector512.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & Vector512.Create((byte)0x0f);
        return Avx512BW.Shuffle(NibbleCounts, low) + Avx512BW.Shuffle(NibbleCounts, high);
    }

    /// <summary>Two horizontal sums at once: interleave the 64-bit partial sums, then fold the 128-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (int First, int Second) HorizontalSum2(Vector512<byte> first, Vector512<byte> second)
    {
        var s0 = Avx512BW.SumAbsoluteDifferences(first, Vector512<byte>.Zero).AsUInt64();
        var s1 = Avx512BW.SumAbsoluteDifferences(second, Vector512<byte>.Zero).AsUInt64();
        var pairs = Avx512F.UnpackLow(s0, s1) + Avx512F.UnpackHigh(s0, s1); // each 128-bit lane: (part of first, part of second)
        var half = pairs.GetLower() + pairs.GetUpper();
        var quarter = half.GetLower() + half.GetUpper();
        return ((int)quarter.GetElement(0), (int)quarter.GetElement(1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int HorizontalSum(Vector512<byte> byteCounts) =>
        (int)Vector512.Sum(Avx512BW.SumAbsoluteDifferences(byteCounts, Vector512<byte>.Zero).AsUInt64());
}
