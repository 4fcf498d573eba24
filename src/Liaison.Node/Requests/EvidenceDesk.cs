using Liaison.Core.Requests;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Provider;
using Liaison.Exchange.Evidence;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Custody;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// Evidence packages at both ends. At the responder: each file into the node's content-addressed evidence
/// store (<c>evidence/sha256/ab/abcd…</c>), a manifest listing name, media type, size and SHA-256, signed
/// with the node's key, custody "collected". At the requester: the package is checked (signature against
/// the responder's descriptor, every file's size and hash, nothing missing or extra) before anything is
/// stored; then the files go into the store, custody "received-from", and call-detail records into the case.
/// </summary>
public sealed class EvidenceDesk(LiaisonDb db, NodeConfig node, NodeFederation federation, RequestJournal journal, TimeProvider clock)
{
    /// <summary>Largest single evidence file carried in a message (the envelope itself is capped at 16 MiB by default).</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    public EvidenceStore Store { get; } = new(Path.Combine(node.Directory, "evidence"));

    public RequestJournal Journal => journal;

    public Task<Peer?> PeersAsync(string nodeId, CancellationToken ct) => federation.Peers.FindAsync(nodeId, ct);

    /// <summary>Builds and signs the package; the files are stored but no custody is journalled until the package is delivered.</summary>
    public async Task<(EvidenceManifest Manifest, IReadOnlyList<EvidenceContent> Files)> PackAsync(DataAccessRequest request,
        IReadOnlyList<EvidenceUpload> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("a fulfilment needs at least one evidence file");
        }
        var described = new List<EvidenceFile>();
        var contents = new List<EvidenceContent>();
        foreach (var f in files)
        {
            if (f.Content.Length > MaxFileBytes)
            {
                throw new ArgumentException($"evidence file '{f.Name}' is larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }
            await Store.AddAsync(new MemoryStream(f.Content, writable: false), ct);
            described.Add(EvidenceFile.Describe(f.Name, f.MediaType, f.Content));
            contents.Add(new EvidenceContent(f.Name, Convert.ToBase64String(f.Content)));
        }
        var profile = new ProviderProfile(node.NodeId, node.Jurisdiction, new HashSet<LegalInstrument>(), []);
        // Create checks names (no directories, no "..", unique) and throws InvalidManifestException naming the file.
        var manifest = new ComplianceDesk(profile, Core.Requests.Validation.RequestRules.Default, clock).Package(request, described)
            .SignWith(new NodeManifestSigner(federation.Identity));
        return (manifest, contents);
    }

    /// <summary>Journals "collected" then "transferred-to" for each file, once the fulfilment and its message are committed.</summary>
    public async Task RecordSentAsync(RequestRow row, DataAccessRequest request, EvidenceManifest manifest, string actor, CancellationToken ct)
    {
        var package = PackageRow(request.Id, RequestDirection.Outgoing, manifest, verified: true, problems: null);
        await new RequestStore(db).AddPackageAsync(package, ct);
        foreach (var f in manifest.Files)
        {
            await journal.CustodyAsync(f.Sha256, CustodyAction.Collected, actor, null, row.CaseId, request.Id, "evidence for " + request.Type, ct);
            await journal.CustodyAsync(f.Sha256, CustodyAction.TransferredTo, actor, request.Requester.NodeId, row.CaseId, request.Id, "enqueued for delivery", ct);
        }
        package.CustodyJournalled = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks a received package. Throws <see cref="EvidenceRejectedException"/> listing every problem when it is
    /// not intact, before anything is stored.
    /// </summary>
    public async Task<(EvidenceManifest Manifest, IReadOnlyList<(EvidenceFile File, byte[] Content)> Files)> CheckAsync(DataAccessRequest request,
        string manifestJson, IReadOnlyList<EvidenceContent> files, CancellationToken ct)
    {
        EvidenceManifest manifest;
        try
        {
            manifest = EvidenceManifest.Parse(manifestJson);
        }
        catch (InvalidManifestException e)
        {
            throw new EvidenceRejectedException(request.Id, [e.Message]);
        }
        var received = new List<(EvidenceFile, byte[])>();
        foreach (var f in files)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(f.Content);
            }
            catch (FormatException)
            {
                throw new EvidenceRejectedException(request.Id, [$"{f.Name}: the content is not base64"]);
            }
            var listed = manifest.Files.FirstOrDefault(m => string.Equals(m.Name, f.Name, StringComparison.Ordinal));
            received.Add((EvidenceFile.Describe(f.Name, listed?.MediaType ?? "application/octet-stream", bytes), bytes));
        }
        var peers = new Dictionary<string, Peer>(StringComparer.Ordinal);
        if (await federation.Peers.FindAsync(manifest.Responder, ct) is { } peer)
        {
            peers[peer.NodeId] = peer;
        }
        var verification = new EvidencePackageVerifier(new PeerManifestVerifier(peers, clock, federation.Options.ClockSkew))
            .Verify(request, manifest, received.Select(r => r.Item1));
        if (!verification.IsIntact)
        {
            throw new EvidenceRejectedException(request.Id, verification.Problems.Select(p => $"{p.Kind}{(p.File is null ? "" : " " + p.File)}: {p.Detail}").ToList());
        }
        return (manifest, received);
    }

    /// <summary>Stores a verified package (files into the evidence store, rows into the database); custody is journalled after commit.</summary>
    public async Task<EvidencePackageRow> RecordReceivedAsync(DataAccessRequest request, EvidenceManifest manifest,
        IReadOnlyList<(EvidenceFile File, byte[] Content)> files, CancellationToken ct)
    {
        foreach (var (_, content) in files)
        {
            await Store.AddAsync(new MemoryStream(content, writable: false), ct);
        }
        return await new RequestStore(db).AddPackageAsync(PackageRow(request.Id, RequestDirection.Incoming, manifest, verified: true, problems: null), ct);
    }

    private EvidencePackageRow PackageRow(string requestId, string direction, EvidenceManifest manifest, bool verified, string? problems) => new()
    {
        RequestId = requestId, Direction = direction, Responder = manifest.Responder, ManifestJson = manifest.ToJson(), ManifestDigest = manifest.Digest(),
        SignatureKeyId = manifest.Signature?.KeyId, CreatedAt = clock.GetUtcNow(), Verified = verified, Problems = problems,
        Files = manifest.Files.Select(f => new EvidenceFileRow { Name = f.Name, MediaType = f.MediaType, Sha256 = f.Sha256, Size = f.Size }).ToList(),
    };
}

/// <summary>An evidence file as the responder uploads it.</summary>
public sealed record EvidenceUpload(string Name, string MediaType, byte[] Content);

/// <summary>A received evidence package failed its checks; nothing of it was stored.</summary>
public sealed class EvidenceRejectedException(string requestId, IReadOnlyList<string> problems)
    : Exception($"the evidence package for request '{requestId}' was refused: {string.Join("; ", problems)}")
{
    public string RequestId { get; } = requestId;
    public IReadOnlyList<string> Problems { get; } = problems;
}
