namespace Liaison.Core.Requests.Evidence;

/// <summary>What can be wrong with a received evidence package.</summary>
public enum PackageProblemKind
{
    /// <summary>The manifest answers another request.</summary>
    WrongRequest,

    /// <summary>The manifest is not from the expected responder.</summary>
    WrongResponder,

    SignatureMissing,
    SignatureInvalid,

    /// <summary>A file the manifest lists was not received.</summary>
    MissingFile,

    /// <summary>A file was received that the manifest does not list.</summary>
    UnexpectedFile,

    SizeMismatch,

    /// <summary>The content's SHA-256 differs from the manifest's: altered or corrupted.</summary>
    HashMismatch,
}

/// <summary>One problem, naming the file where there is one.</summary>
public sealed record PackageProblem(PackageProblemKind Kind, string? File, string Detail);

/// <summary>The outcome of checking a package against its manifest; intact only with no problems.</summary>
public sealed record PackageVerification(string RequestId, string ManifestDigest, IReadOnlyList<PackageProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
