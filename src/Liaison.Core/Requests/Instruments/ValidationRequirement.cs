namespace Liaison.Core.Requests.Instruments;

/// <summary>
/// Requests naming any of <paramref name="Categories"/> need validation by an authority of one of
/// <paramref name="Capacities"/> before they are sent.
/// </summary>
public sealed record ValidationRequirement(DataCategory Categories, IReadOnlySet<AuthorityCapacity> Capacities, string Citation);
