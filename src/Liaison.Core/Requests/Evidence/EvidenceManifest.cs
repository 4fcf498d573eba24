using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Requests.Evidence;

/// <summary>
/// What an evidence package holds, answering one request: each file with its media type, SHA-256 and size,
/// who responded and when, and the responder's signature. The signature covers
/// <see cref="CanonicalBytes"/> (everything but the signature itself, in RFC 8785 canonical JSON), so any
/// party can re-create the signed bytes from the manifest and check them.
/// </summary>
public sealed record EvidenceManifest
{
    public const int FormatVersion = 1;
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private EvidenceManifest(string requestId, string responder, DateTimeOffset createdAt, IReadOnlyList<EvidenceFile> files, ManifestSignature? signature)
    {
        RequestId = requestId;
        Responder = responder;
        CreatedAt = createdAt;
        Files = files;
        Signature = signature;
    }

    public string RequestId { get; }

    /// <summary>The responding provider or agency (its id in the peer directory).</summary>
    public string Responder { get; }

    /// <summary>When the package was made, UTC, whole seconds (so the text form is exact).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The files, sorted by name (ordinal) so that the order they were added in does not matter.</summary>
    public IReadOnlyList<EvidenceFile> Files { get; }

    /// <summary>Filled by <see cref="SignWith"/>; null until then.</summary>
    public ManifestSignature? Signature { get; init; }

    /// <summary>A manifest for <paramref name="files"/>; checks names, media types and hashes (<see cref="InvalidManifestException"/>).</summary>
    public static EvidenceManifest Create(string requestId, string responder, DateTimeOffset createdAt, IEnumerable<EvidenceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sorted = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var utc = createdAt.ToUniversalTime();
        var manifest = new EvidenceManifest(requestId, responder, new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero), sorted, null);
        ManifestRules.Check(manifest);
        return manifest;
    }

    internal static EvidenceManifest Restore(string requestId, string responder, DateTimeOffset createdAt, IReadOnlyList<EvidenceFile> files, ManifestSignature? signature)
    {
        var manifest = new EvidenceManifest(requestId, responder, createdAt, files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), signature);
        ManifestRules.Check(manifest);
        return manifest;
    }

    /// <summary>The bytes that are signed: canonical JSON of the manifest without its signature.</summary>
    public byte[] CanonicalBytes() => CanonicalJson.Serialise(Tree(withSignature: false));

    /// <summary>The manifest as transmitted: canonical JSON including the signature, if any.</summary>
    public string ToJson() => Encoding.UTF8.GetString(CanonicalJson.Serialise(Tree(withSignature: true)));

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, "sha256:" + hex: the value both ends record in their custody journal.</summary>
    public string Digest() => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    /// <summary>This manifest signed by <paramref name="signer"/>.</summary>
    public EvidenceManifest SignWith(IManifestSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return this with { Signature = signer.Sign(CanonicalBytes()) };
    }

    /// <summary>Reads a manifest from its JSON; <see cref="InvalidManifestException"/> names the field at fault.</summary>
    public static EvidenceManifest Parse(string json) => ManifestReader.Read(json);

    private Dictionary<string, object> Tree(bool withSignature)
    {
        var tree = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["formatVersion"] = FormatVersion,
            ["requestId"] = RequestId,
            ["responder"] = Responder,
            ["createdAt"] = CreatedAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture),
            ["files"] = Files.Select(f => (object)new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = f.Name,
                ["mediaType"] = f.MediaType,
                ["sha256"] = f.Sha256,
                ["size"] = f.Size,
            }).ToList(),
        };
        if (withSignature && Signature is { } s)
        {
            tree["signature"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["algorithm"] = s.Algorithm,
                ["keyId"] = s.KeyId,
                ["value"] = s.Value,
            };
        }
        return tree;
    }
}
