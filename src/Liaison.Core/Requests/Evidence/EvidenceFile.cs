using System.Security.Cryptography;

namespace Liaison.Core.Requests.Evidence;

/// <summary>One file of an evidence package as the manifest describes it.</summary>
/// <param name="Name">File name inside the package (no directories).</param>
/// <param name="MediaType">IANA media type, e.g. "text/csv".</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
/// <param name="Size">Length in bytes.</param>
public sealed record EvidenceFile(string Name, string MediaType, string Sha256, long Size)
{
    /// <summary>Describes content held in memory.</summary>
    public static EvidenceFile Describe(string name, string mediaType, ReadOnlySpan<byte> content) =>
        new(name, mediaType, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);

    /// <summary>Describes content read from a stream to its end (files can be larger than memory).</summary>
    public static EvidenceFile Describe(string name, string mediaType, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return new(name, mediaType, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
