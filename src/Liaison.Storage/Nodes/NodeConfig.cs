using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Liaison.Storage.Nodes;

/// <summary>A node's settings, kept as <c>node.json</c> in its data folder.</summary>
public sealed record NodeConfig
{
    /// <summary>Stable node id, e.g. "gb-nca".</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,62}$")]
    public required string NodeId { get; init; }

    /// <summary>The agency that runs the node, e.g. "National Crime Agency".</summary>
    [Required]
    public required string Agency { get; init; }

    /// <summary>ISO 3166 alpha-2 jurisdiction, e.g. "GB"; also the default region for phone numbers.</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public required string Jurisdiction { get; init; }

    [Range(1, 65535)]
    public int Port { get; init; } = 5080;

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Database { get; init; } = "sqlite";

    /// <summary>PostgreSQL connection string when <see cref="Database"/> is "postgres"; may also come from LIAISON_POSTGRES.</summary>
    public string? ConnectionString { get; init; }

    [JsonIgnore]
    public string Directory { get; init; } = "";

    [JsonIgnore]
    public string SqlitePath => Path.Combine(Directory, "liaison.db");

    public string PhoneRegion => Jurisdiction == "EU" ? "BE" : Jurisdiction;
}
