using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Communities;

/// <summary>The communities found, their modularity, and how many aggregation levels it took.</summary>
public sealed record CommunityDetection(Partition Communities, double Modularity, int Levels, ulong Seed)
{
    public Marking Marking => Communities.Marking;
}
