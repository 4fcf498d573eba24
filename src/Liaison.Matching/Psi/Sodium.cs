using System.Runtime.InteropServices;

namespace Liaison.Matching.Psi;

/// <summary>
/// The few libsodium functions the PSI needs, bound to the native library that the <c>libsodium</c>
/// NuGet package ships (runtimes/*/native). Group arithmetic is delegated rather than written here:
/// ristretto255 in libsodium is constant-time and widely reviewed.
/// </summary>
internal static partial class Sodium
{
    private const string Library = "libsodium";

    public const int ElementBytes = 32;
    public const int ScalarBytes = 32;
    public const int HashBytes = 64;
    public const int NonReducedScalarBytes = 64;

    private static readonly int InitResult = sodium_init();

    /// <summary>Throws once, clearly, when the native library is missing or failed to initialise.</summary>
    public static void EnsureInitialised()
    {
        // sodium_init returns 0 on first success, 1 when already initialised, -1 on failure.
        if (InitResult < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise");
        }
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    public static partial int crypto_core_ristretto255_from_hash(Span<byte> p, ReadOnlySpan<byte> r);

    [LibraryImport(Library)]
    public static partial int crypto_core_ristretto255_is_valid_point(ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    public static partial int crypto_scalarmult_ristretto255(Span<byte> q, ReadOnlySpan<byte> n, ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    public static partial int crypto_core_ristretto255_scalar_invert(Span<byte> recip, ReadOnlySpan<byte> s);

    [LibraryImport(Library)]
    public static partial void crypto_core_ristretto255_scalar_reduce(Span<byte> r, ReadOnlySpan<byte> s);
}
