namespace Liaison.Storage.Requests;

/// <summary>
/// An evidence package answering a request: its signed manifest as received or sent, the manifest's
/// digest, and — at the requester — the outcome of the verification (signature and every file's hash).
/// </summary>
public sealed class EvidencePackageRow
{
    public long Id { get; set; }
    public required string RequestId { get; set; }
    public required string Direction { get; set; }
    public required string Responder { get; set; }
    public required string ManifestJson { get; set; }
    public required string ManifestDigest { get; set; }
    public string? SignatureKeyId { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public bool Verified { get; set; }

    /// <summary>Problems found when the package was verified (one per line); null when intact.</summary>
    public string? Problems { get; set; }

    /// <summary>The custody steps of the files (and, at the requester, the import of call records) are in the ledger.</summary>
    public bool CustodyJournalled { get; set; }

    public List<EvidenceFileRow> Files { get; set; } = [];
}

/// <summary>One file of a package. The content sits in the node's evidence store under its SHA-256.</summary>
public sealed class EvidenceFileRow
{
    public long Id { get; set; }
    public long PackageId { get; set; }
    public required string Name { get; set; }
    public required string MediaType { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }

    /// <summary>The import that brought the file's records into the case, if any (call-detail records).</summary>
    public long? ImportId { get; set; }
}
