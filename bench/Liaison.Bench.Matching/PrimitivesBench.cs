using System.Security.Cryptography;
using Liaison.Matching.Psi;

namespace Liaison.Bench.Matching;

/// <summary>
/// The two primitives that bound the matching throughput, measured the way <c>openssl speed</c> reports
/// its peers (bench/matching.sh prints those beside): HMAC-SHA256 of a 2-byte n-gram under a fixed key
/// (one per CLK token) and one ristretto255 variable-base scalar multiplication (four per PSI identifier).
/// </summary>
internal static class PrimitivesBench
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("| primitive | implementation | operations | CPU | ops per CPU-second |");
        Console.WriteLine("|---|---|---|---|---|");
        var key = new byte[32];
        var token = "ab"u8.ToArray();
        var mac = new byte[32];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        const int macs = 1_000_000;
        var hmacTime = Measured.Of(() =>
        {
            for (var i = 0; i < macs; i++)
            {
                hmac.AppendData(token);
                hmac.GetHashAndReset(mac);
            }
        });
        Console.WriteLine($"| HMAC-SHA256, 2-byte n-gram | .NET IncrementalHash (OpenSSL underneath) | {macs:N0} | {hmacTime.CpuSeconds:N2} s | {macs / hmacTime.CpuSeconds:N0} |");

        var scalar = Ristretto255.RandomScalar();
        var element = new byte[32];
        Ristretto255.HashToGroup("phone:+447700900000"u8, OprfRistretto255Sha512.Base.HashToGroupDst, element);
        var product = new byte[32];
        const int mults = 20_000;
        var multTime = Measured.Of(() =>
        {
            for (var i = 0; i < mults; i++)
            {
                Ristretto255.TryMultiply(scalar, element, product);
            }
        });
        Console.WriteLine($"| ristretto255 scalar multiplication | libsodium 1.0.22 crypto_scalarmult_ristretto255 | {mults:N0} | {multTime.CpuSeconds:N2} s | {mults / multTime.CpuSeconds:N0} |");
        var hashTime = Measured.Of(() =>
        {
            for (var i = 0; i < mults; i++)
            {
                Ristretto255.HashToGroup("phone:+447700900000"u8, OprfRistretto255Sha512.Base.HashToGroupDst, element);
            }
        });
        Console.WriteLine($"| hash-to-ristretto255 (RFC 9380 XMD:SHA-512 + RFC 9496 map) | .NET SHA-512 + libsodium from_hash | {mults:N0} | {hashTime.CpuSeconds:N2} s | {mults / hashTime.CpuSeconds:N0} |");
    }
}
