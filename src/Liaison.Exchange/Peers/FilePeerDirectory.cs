using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Exchange.Descriptors;

namespace Liaison.Exchange.Peers;

/// <summary>
/// Peers as files in <c>&lt;data&gt;/peers/&lt;node-id&gt;.json</c>: the signed descriptor exactly
/// as received plus when it was added. Node ids are restricted to [a-z0-9.-] by validation, so they
/// are safe file names. The CLI writes them (<c>liaison peer add</c>) and a running node reads them.
/// A parsed peer is kept while its file's write time and length stay the same, so the delivery path
/// does not re-read and re-parse the descriptor for every message, and a <c>peer add</c> or
/// <c>peer remove</c> still takes effect at the next message without a restart.
/// </summary>
public sealed class FilePeerDirectory(string dataDirectory) : IPeerDirectory
{
    public const string FolderName = "peers";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, long Length, Peer Peer)> _parsed = new(StringComparer.Ordinal);

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FolderName);

    public async Task<Peer?> FindAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var file = FileOf(nodeId);
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            _parsed.TryRemove(nodeId, out _);
            return null;
        }
        if (_parsed.TryGetValue(nodeId, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Peer;
        }
        var peer = Read(await File.ReadAllTextAsync(file, cancellationToken));
        _parsed[nodeId] = (info.LastWriteTimeUtc, info.Length, peer);
        return peer;
    }

    public async Task<IReadOnlyList<Peer>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }
        var peers = new List<Peer>();
        foreach (var file in Directory.EnumerateFiles(Path, "*.json").Order(StringComparer.Ordinal))
        {
            peers.Add(Read(await File.ReadAllTextAsync(file, cancellationToken)));
        }
        return peers;
    }

    public async Task SaveAsync(Peer peer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Directory.CreateDirectory(Path);
        var record = new JsonObject
        {
            ["addedAt"] = peer.AddedAt,
            ["updatedAt"] = peer.UpdatedAt,
            ["descriptor"] = JsonNode.Parse(peer.Signed.ToJson()),
        };
        var file = FileOf(peer.NodeId);
        await File.WriteAllTextAsync(file + ".tmp", record.ToJsonString(ExchangeJson.Indented), cancellationToken);
        File.Move(file + ".tmp", file, overwrite: true);
    }

    public Task<bool> RemoveAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var file = FileOf(nodeId);
        var existed = File.Exists(file);
        File.Delete(file);
        return Task.FromResult(existed);
    }

    private string FileOf(string nodeId)
    {
        if (nodeId.Length == 0 || !nodeId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') || nodeId.StartsWith('.'))
        {
            throw new ArgumentException("not a node id", nameof(nodeId));
        }
        return System.IO.Path.Combine(Path, nodeId + ".json");
    }

    private static Peer Read(string json)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        var signed = SignedNodeDescriptor.Parse(record["descriptor"]!.ToJsonString());
        return new Peer(signed, record["addedAt"]!.GetValue<DateTimeOffset>(), record["updatedAt"]!.GetValue<DateTimeOffset>());
    }
}
