using System.Text.Json;
using Liaison.Core.Requests;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>What the API shows of a request: the request itself, which end this node is, the local case, the screening and the evidence.</summary>
public sealed record RequestView(string Direction, string LocalCaseId, DataAccessRequest Request, JsonElement? Screening, IReadOnlyList<PackageView> Packages)
{
    public static RequestView Of(RequestRow row, DataAccessRequest request, IReadOnlyList<EvidencePackageRow> packages)
    {
        ArgumentNullException.ThrowIfNull(row);
        JsonElement? screening = row.Screening is null ? null : JsonDocument.Parse(row.Screening).RootElement.Clone();
        return new(row.Direction, row.CaseId, request, screening, packages.Select(PackageView.Of).ToList());
    }
}

/// <summary>An evidence package: manifest digest, signer key, verification, files.</summary>
public sealed record PackageView(string Responder, string ManifestDigest, string? SignatureKeyId, bool Verified, DateTimeOffset CreatedAt,
    IReadOnlyList<FileView> Files, string Manifest)
{
    public static PackageView Of(EvidencePackageRow p) =>
        new(p.Responder, p.ManifestDigest, p.SignatureKeyId, p.Verified, p.CreatedAt, p.Files.Select(f => new FileView(f.Name, f.MediaType, f.Sha256, f.Size, f.ImportId)).ToList(),
            p.ManifestJson);
}

/// <summary>One evidence file.</summary>
public sealed record FileView(string Name, string MediaType, string Sha256, long Size, long? ImportId);

/// <summary>A line of the request list: no targets, no statement.</summary>
public sealed record RequestSummary(string Id, string Direction, string CaseId, string Type, string? Instrument, string State, string AddresseeId,
    string RequesterId, DateTimeOffset UpdatedAt)
{
    public static RequestSummary Of(RequestRow r) =>
        new(r.Id, r.Direction, r.CaseId, r.Type, r.Instrument, r.State, r.AddresseeId, r.RequesterId, r.UpdatedAt);
}
