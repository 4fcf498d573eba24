using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Liaison.Matching.Psi;

namespace Liaison.Bench.Matching;

/// <summary>
/// Where a PSI identifier's CPU time goes, step by step, beside the fastest group operations libsodium
/// offers on this CPU (fixed-base ristretto255, Ed25519 without clamping, X25519): the floor any
/// Diffie–Hellman PSI meets. bench/matching.sh prints <c>openssl speed</c> for X25519/Ed25519 beside it.
/// </summary>
internal static partial class PsiProfileBench
{
    private const string Library = "libsodium";

    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("| step | implementation | operations | CPU | µs each | ops per CPU-second |");
        Console.WriteLine("|---|---|---|---|---|---|");
        const int n = 20_000;
        var dst = OprfRistretto255Sha512.Base.HashToGroupDst;
        var input = "phone:+447700900000"u8.ToArray();
        var uniform = new byte[64];
        var element = new byte[32];
        var product = new byte[32];
        var output = new byte[64];
        var scalar = Ristretto255.RandomScalar();
        Ristretto255.HashToGroup(input, dst, element);

        Row("expand_message_xmd SHA-512 → 64 bytes", ".NET SHA512.HashData, one-shot", n, () => ExpandMessageXmd.Sha512(input, dst, uniform));
        Row("ristretto255 one-way map (from_hash)", "libsodium crypto_core_ristretto255_from_hash", n, () => crypto_core_ristretto255_from_hash(product, uniform));
        Row("hash-to-group (both above)", "Ristretto255.HashToGroup", n, () => Ristretto255.HashToGroup(input, dst, element));
        Row("variable-base scalar multiplication", "libsodium crypto_scalarmult_ristretto255", n, () => crypto_scalarmult_ristretto255(product, scalar, element));
        Row("fixed-base scalar multiplication", "libsodium crypto_scalarmult_ristretto255_base", n, () => crypto_scalarmult_ristretto255_base(product, scalar));
        var edPoint = new byte[32];
        crypto_scalarmult_ed25519_base_noclamp(edPoint, scalar);
        Row("Ed25519 variable-base, no clamping (same group code, no ristretto encode/decode)", "libsodium crypto_scalarmult_ed25519_noclamp", n, () => crypto_scalarmult_ed25519_noclamp(product, scalar, edPoint));
        var xPoint = new byte[32];
        crypto_scalarmult_curve25519_base(xPoint, scalar);
        Row("X25519 Montgomery ladder", "libsodium crypto_scalarmult_curve25519", n, () => crypto_scalarmult_curve25519(product, scalar, xPoint));
        Row("element validity check", "libsodium crypto_core_ristretto255_is_valid_point", n, () => crypto_core_ristretto255_is_valid_point(element));
        Row("RFC 9497 Finalize (SHA-512 of input, element, label)", "OprfRistretto255Sha512.FinalizeUnblinded", n, () => OprfRistretto255Sha512.FinalizeUnblinded(input, element, output));
        Row("scalar inversion (once per session)", "libsodium crypto_core_ristretto255_scalar_invert", n, () => crypto_core_ristretto255_scalar_invert(product, scalar));
        Row("P/Invoke round trip (empty libsodium call)", "sodium_runtime_has_avx2", n * 50, () => sodium_runtime_has_avx2());
        Row("CSPRNG, 64 bytes", "RandomNumberGenerator.Fill", n, () => RandomNumberGenerator.Fill(uniform));
    }

    private static void Row(string step, string implementation, int operations, Action op)
    {
        for (var i = 0; i < 200; i++)
        {
            op();
        }
        var t = Measured.Of(() =>
        {
            for (var i = 0; i < operations; i++)
            {
                op();
            }
        });
        Console.WriteLine($"| {step} | {implementation} | {operations:N0} | {t.CpuSeconds:N2} s | {t.CpuSeconds * 1e6 / operations:N2} | {operations / t.CpuSeconds:N0} |");
    }

    [LibraryImport(Library)]
    private static partial int crypto_core_ristretto255_from_hash(Span<byte> p, ReadOnlySpan<byte> r);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_ristretto255(Span<byte> q, ReadOnlySpan<byte> n, ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_ristretto255_base(Span<byte> q, ReadOnlySpan<byte> n);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_ed25519_noclamp(Span<byte> q, ReadOnlySpan<byte> n, ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_ed25519_base_noclamp(Span<byte> q, ReadOnlySpan<byte> n);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_curve25519(Span<byte> q, ReadOnlySpan<byte> n, ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    private static partial int crypto_scalarmult_curve25519_base(Span<byte> q, ReadOnlySpan<byte> n);

    [LibraryImport(Library)]
    private static partial int crypto_core_ristretto255_is_valid_point(ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    private static partial int crypto_core_ristretto255_scalar_invert(Span<byte> recip, ReadOnlySpan<byte> s);

    [LibraryImport(Library)]
    private static partial int sodium_runtime_has_avx2();
}
