namespace Liaison.Node.Analysis;

/// <summary>The JSON answers of the analysis API. Every answer carries the marking of what it was computed from.</summary>
internal static class AnalysisView
{
    public sealed record MarkingView(string Tlp, string Handling, string? Restriction);

    public sealed record Player(int Rank, string Id, string Label, string Type, int Degree, double WeightedDegree, double PageRank,
        double Betweenness, double Closeness, int Community, int Component, int Core);

    public sealed record Community(int Id, int Size, string[] Members);

    public sealed record Component(int Id, int Size);

    public sealed record Report(string CaseId, MarkingView Marking, int Records, int Nodes, int Edges, double Modularity,
        bool BetweennessExact, Player[] KeyPlayers, Community[] Communities, Component[] Components);

    public sealed record Step(string Id, string Label, string Type);

    public sealed record Link(string Source, string Target, string[] Types, double Weight, MarkingView Marking);

    public sealed record Path(string CaseId, string From, string To, bool Connected, int Hops, Step[] Nodes, Link[] Links, MarkingView Marking);

    public static MarkingView Of(Liaison.Analysis.Graphs.Marking marking) =>
        new(Liaison.Core.Markings.TlpExtensions.ToLabel(marking.Tlp), marking.Handling.ToString(), marking.Handling.Restriction);
}
