namespace Liaison.Analysis.Communities;

/// <summary>Louvain parameters; resolution and threshold default to NetworkX's <c>louvain_communities</c>.</summary>
public sealed record LouvainOptions
{
    /// <summary>Above 1 favours smaller communities, below 1 larger ones.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Stop when a level improves modularity by no more than this.</summary>
    public double Threshold { get; init; } = 1e-7;

    /// <summary>Seeds the node visiting order: the same seed gives the same communities.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// How many runs with successive seeds to try, keeping the partition of highest modularity.
    /// Louvain is greedy and order-dependent; on case-sized graphs a few restarts cost
    /// milliseconds and reliably find a better optimum. Null picks 64 up to 10,000 edges and 1 above.
    /// </summary>
    public int? Restarts { get; init; }

    public bool UseWeights { get; init; } = true;
}
