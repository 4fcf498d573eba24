using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Nodes;

/// <summary>
/// The layout of a node's data folder: <c>node.json</c>, the SQLite database <c>liaison.db</c> (unless
/// PostgreSQL is configured), <c>keys/</c>, <c>evidence/</c>. Creates, opens and migrates it.
/// </summary>
public static class NodeDirectory
{
    public const string ConfigFile = "node.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<NodeConfig> InitAsync(string directory, NodeConfig config, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var full = Path.GetFullPath(directory);
        if (File.Exists(Path.Combine(full, ConfigFile)))
        {
            throw new InvalidOperationException($"{full} already holds a node ({ConfigFile} exists)");
        }
        config = config with { Directory = full };
        Validate(config);
        System.IO.Directory.CreateDirectory(full);
        System.IO.Directory.CreateDirectory(Path.Combine(full, "keys"));
        System.IO.Directory.CreateDirectory(Path.Combine(full, "evidence"));
        await File.WriteAllTextAsync(Path.Combine(full, ConfigFile), JsonSerializer.Serialize(config, Json), ct);
        await using var db = LiaisonDbFactory.Create(config);
        await db.Database.MigrateAsync(ct);
        return config;
    }

    public static NodeConfig Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        var path = Path.Combine(full, ConfigFile);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{full} is not a node folder (no {ConfigFile}; run 'liaison init --dir {directory}' first)");
        }
        NodeConfig config;
        try
        {
            config = JsonSerializer.Deserialize<NodeConfig>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
        config = config with { Directory = full };
        if (Environment.GetEnvironmentVariable("LIAISON_POSTGRES") is { Length: > 0 } pg && config.Database == "postgres")
        {
            config = config with { ConnectionString = pg };
        }
        Validate(config);
        return config;
    }

    /// <summary>Opens the node and applies pending migrations, so a node upgrades in place.</summary>
    public static async Task<NodeConfig> OpenAndMigrateAsync(string directory, CancellationToken ct = default)
    {
        var config = Open(directory);
        await using var db = LiaisonDbFactory.Create(config);
        await db.Database.MigrateAsync(ct);
        return config;
    }

    private static void Validate(NodeConfig config)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(config, new ValidationContext(config), results, validateAllProperties: true))
        {
            throw new ArgumentException($"{ConfigFile}: {string.Join("; ", results.Select(r => $"{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"))}");
        }
        if (config.Database is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"{ConfigFile}: database must be 'sqlite' or 'postgres', not '{config.Database}'");
        }
        if (config.Database == "postgres" && string.IsNullOrWhiteSpace(config.ConnectionString))
        {
            throw new ArgumentException($"{ConfigFile}: a postgres node needs connectionString (or LIAISON_POSTGRES)");
        }
    }
}
