using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Liaison.Exchange.Identity;

/// <summary>
/// Reuses imported peer public keys. Importing a P-256 point (with its on-curve check) costs about
/// as much as verifying a signature, and every message needs one or two; pooling instead of sharing
/// one instance keeps each .NET key object on one thread at a time, since the framework does not
/// promise that concurrent use of one instance is safe. The pool is keyed on the key material itself,
/// so it can never hand out a different key, and holds a handful of objects per peer key.
/// </summary>
internal static class PublicKeyPool
{
    private const int MaxPooledPerKey = 8;
    private static readonly ConcurrentDictionary<string, ConcurrentBag<AsymmetricAlgorithm>> Pools = new(StringComparer.Ordinal);

    public static Lease<ECDsa> Verifier(PublicJwk key) => Rent(key, "sig", k => k.ToECDsa());

    public static Lease<ECDiffieHellman> Agreement(PublicJwk key) => Rent(key, "enc", k => k.ToECDiffieHellman());

    private static Lease<T> Rent<T>(PublicJwk key, string use, Func<PublicJwk, T> import) where T : AsymmetricAlgorithm
    {
        var id = $"{use}:{key.Crv}:{key.X}:{key.Y}";
        var pool = Pools.GetOrAdd(id, _ => []);
        return new Lease<T>(pool.TryTake(out var pooled) ? (T)pooled : import(key), pool);
    }

    /// <summary>A key object on loan; disposing the lease gives it back (or disposes it when the pool is full).</summary>
    internal readonly struct Lease<T>(T key, ConcurrentBag<AsymmetricAlgorithm> pool) : IDisposable where T : AsymmetricAlgorithm
    {
        public T Key { get; } = key;

        public void Dispose()
        {
            if (pool.Count < MaxPooledPerKey)
            {
                pool.Add(Key);
            }
            else
            {
                Key.Dispose();
            }
        }
    }
}
