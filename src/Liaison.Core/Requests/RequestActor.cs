namespace Liaison.Core.Requests;

/// <summary>A person acting on a request: who, for which organisation, in which role and legal capacity.</summary>
/// <param name="Id">Stable user id (never a name: ids go to the ledger).</param>
/// <param name="Organisation">The agency, authority or provider the person acts for.</param>
/// <param name="Role">The role in which the person acts.</param>
/// <param name="Capacity">For a designated authority: its legal capacity (judge, court, prosecutor …).</param>
public sealed record RequestActor(string Id, string Organisation, RequestRole Role, AuthorityCapacity? Capacity = null);

/// <summary>An approval recorded on a request.</summary>
public sealed record Approval(string ApproverId, RequestRole Role, AuthorityCapacity? Capacity, DateTimeOffset At, string? Note);
