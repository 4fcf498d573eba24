using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Requests.Evidence;

/// <summary>
/// Checks a received evidence package at the requesting side: the manifest answers our request, comes
/// from the addressee, carries a valid signature, and every file matches its listed size and SHA-256 —
/// nothing missing, nothing extra. Only an intact package should be imported and journalled as received.
/// </summary>
public sealed class EvidencePackageVerifier(IManifestSignatureVerifier signatures)
{
    /// <param name="request">The request the package should answer.</param>
    /// <param name="manifest">The manifest as received.</param>
    /// <param name="received">The received files, described with <see cref="EvidenceFile.Describe(string, string, Stream)"/>.</param>
    public PackageVerification Verify(DataAccessRequest request, EvidenceManifest manifest, IEnumerable<EvidenceFile> received)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(received);
        var problems = new List<PackageProblem>();
        if (!string.Equals(manifest.RequestId, request.Id, StringComparison.Ordinal))
        {
            problems.Add(new(PackageProblemKind.WrongRequest, null, $"the manifest answers request '{manifest.RequestId}', not '{request.Id}'"));
        }
        if (!string.Equals(manifest.Responder, request.Addressee.Id, StringComparison.Ordinal))
        {
            problems.Add(new(PackageProblemKind.WrongResponder, null, $"the manifest is from '{manifest.Responder}', but the request went to '{request.Addressee.Id}'"));
        }
        if (manifest.Signature is null)
        {
            problems.Add(new(PackageProblemKind.SignatureMissing, null, "the manifest is not signed"));
        }
        else if (!signatures.Verify(manifest.Responder, manifest.CanonicalBytes(), manifest.Signature))
        {
            problems.Add(new(PackageProblemKind.SignatureInvalid, null, $"the signature by key '{manifest.Signature.KeyId}' does not verify"));
        }
        problems.AddRange(CompareFiles(manifest, received));
        return new PackageVerification(request.Id, manifest.Digest(), problems);
    }

    /// <summary>
    /// Only the file checks: every listed file received with its size and SHA-256, nothing extra. For tools
    /// that have the files but not the peer directory to check the signature (e.g. <c>liaison requests check-package</c>).
    /// </summary>
    public static IReadOnlyList<PackageProblem> CompareFiles(EvidenceManifest manifest, IEnumerable<EvidenceFile> received)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(received);
        var problems = new List<PackageProblem>();
        var got = new Dictionary<string, EvidenceFile>(StringComparer.Ordinal);
        foreach (var f in received)
        {
            if (!got.TryAdd(f.Name, f))
            {
                problems.Add(new(PackageProblemKind.UnexpectedFile, f.Name, "received twice"));
            }
        }
        foreach (var listed in manifest.Files)
        {
            if (!got.Remove(listed.Name, out var actual))
            {
                problems.Add(new(PackageProblemKind.MissingFile, listed.Name, "listed in the manifest but not received"));
                continue;
            }
            if (actual.Size != listed.Size)
            {
                problems.Add(new(PackageProblemKind.SizeMismatch, listed.Name, string.Create(CultureInfo.InvariantCulture, $"{actual.Size} bytes received, {listed.Size} listed")));
            }
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual.Sha256), Encoding.ASCII.GetBytes(listed.Sha256)))
            {
                problems.Add(new(PackageProblemKind.HashMismatch, listed.Name, "the content's SHA-256 differs from the manifest's"));
            }
        }
        problems.AddRange(got.Keys.Order(StringComparer.Ordinal).Select(n => new PackageProblem(PackageProblemKind.UnexpectedFile, n, "received but not listed in the manifest")));
        return problems;
    }
}
