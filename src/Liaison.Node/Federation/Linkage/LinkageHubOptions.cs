using System.ComponentModel.DataAnnotations;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// Configuration section <c>Federation:LinkageHub</c>: whether this node serves as a CLK linkage hub
/// (any node can), and how it links. The hub never holds the CLK secret: it compares filters.
/// </summary>
public sealed class LinkageHubOptions
{
    /// <summary>Off by default: a node answers <c>/federation/linkage</c> only when its operator made it a hub.</summary>
    public bool Enabled { get; set; }

    /// <summary>Dice threshold of the one-to-one linkage (docs/matching.md, "Thresholds").</summary>
    [Range(0.5, 1.0)]
    public double Threshold { get; set; } = 0.8;

    /// <summary>CLKs one participant may upload to one run.</summary>
    [Range(1, 2_000_000)]
    public int MaxRecordsPerUpload { get; set; } = 200_000;

    /// <summary>Runs the hub holds at once (in its database); the oldest is deleted beyond that.</summary>
    [Range(1, 1_000)]
    public int MaxRuns { get; set; } = 20;

    /// <summary>
    /// Hours a run lives from its first upload; then it answers as unknown and the clean-up deletes it
    /// with its uploads and results. Participants fetch their links within this time.
    /// </summary>
    [Range(1, 24 * 90)]
    public int RunLifetimeHours { get; set; } = 72;
}

/// <summary>
/// Configuration section <c>Federation:Linkage</c> of a participant: the file holding the secret the
/// participating agencies share out of band (never sent; the hub must not have it).
/// </summary>
public sealed class LinkageParticipantOptions
{
    /// <summary>Path of the CLK secret (≥ 16 bytes; one trailing newline ignored). Relative paths are under the node's folder.</summary>
    public string SecretFile { get; set; } = "linkage/clk-secret";
}
