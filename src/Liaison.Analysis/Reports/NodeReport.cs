namespace Liaison.Analysis.Reports;

/// <summary>One subject's scores in a <see cref="NetworkReport"/>.</summary>
public sealed record NodeReport(
    string Id,
    string Type,
    int Degree,
    double WeightedDegree,
    double PageRank,
    double Betweenness,
    double Closeness,
    int Component,
    int Community,
    int Core);
