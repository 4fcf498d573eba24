using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Exchange.Descriptors;

namespace Liaison.Exchange.Peers;

/// <summary>
/// Peers as files in <c>&lt;data&gt;/peers/&lt;node-id&gt;.json</c>: the signed descriptor exactly
/// as received plus when it was added. Node ids are restricted to [a-z0-9.-] by validation, so they
/// are safe file names. Meant for the CLI before the node has a database.
/// </summary>
public sealed class FilePeerDirectory(string dataDirectory) : IPeerDirectory
{
    public const string FolderName = "peers";

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FolderName);

    public async Task<Peer?> FindAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var file = FileOf(nodeId);
        return File.Exists(file) ? Read(await File.ReadAllTextAsync(file, cancellationToken)) : null;
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
