using System.Security.Cryptography;

namespace Liaison.Ledger.Custody;

/// <summary>
/// Evidence files stored content-addressed under a folder: <c>sha256/ab/abcdef…</c>, the name being the
/// SHA-256 of the bytes. A file is written to a temporary name, hashed while written, then moved into
/// place, so a half-written file never carries a valid name; storing the same bytes twice keeps one copy.
/// </summary>
public sealed class EvidenceStore
{
    private readonly string _root;

    public EvidenceStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = root;
    }

    /// <summary>Stores the bytes of <paramref name="content"/> and returns the item's digest and length.</summary>
    public async Task<EvidenceItem> AddAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var incoming = Path.Combine(_root, "incoming");
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        long length;
        byte[] hash;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
            length = file.Length;
            hash = sha.GetHashAndReset();
        }
        var digest = EvidenceDigest.FromHash(hash);
        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, path);
        }
        return new EvidenceItem(digest, length);
    }

    /// <summary>Where the item with <paramref name="digest"/> is (or would be) stored.</summary>
    public string PathOf(string digest)
    {
        var hex = EvidenceDigest.Hex(digest);
        return Path.Combine(_root, "sha256", hex[..2], hex);
    }

    /// <summary>Re-hashes the stored file and compares it with its name.</summary>
    public async Task<EvidenceHashCheck> VerifyAsync(string digest, CancellationToken cancellationToken)
    {
        var canonical = EvidenceDigest.Normalise(digest);
        var path = PathOf(canonical);
        if (!File.Exists(path))
        {
            return new EvidenceHashCheck(canonical, Exists: false, ActualDigest: null, Length: 0);
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var actual = await SHA256.HashDataAsync(file, cancellationToken);
        return new EvidenceHashCheck(canonical, Exists: true, EvidenceDigest.FromHash(actual), file.Length);
    }
}

/// <summary>An item in the evidence store.</summary>
public sealed record EvidenceItem(string Digest, long Length);

/// <summary>Whether a stored file still has the hash it is named by.</summary>
public sealed record EvidenceHashCheck(string Digest, bool Exists, string? ActualDigest, long Length)
{
    public bool IsIntact => Exists && ActualDigest == Digest;
}
