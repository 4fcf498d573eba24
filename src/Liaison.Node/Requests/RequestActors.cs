using Liaison.Core.Policy;
using Liaison.Core.Requests;

namespace Liaison.Node.Requests;

/// <summary>
/// Turns a signed-in user into the <see cref="RequestActor"/> the workflow checks. A user may hold several
/// roles; the one used is the first of those the action accepts, so the workflow (not this mapping)
/// decides and explains a refusal. Everyone acts for this node's organisation, its node id.
/// </summary>
internal static class RequestActors
{
    public static RequestActor For(Caller caller, string organisation, RequestsSettings settings, params RequestRole[] acceptable)
    {
        var held = caller.Roles.SelectMany(Of).Distinct().ToList();
        var role = acceptable.Where(held.Contains).Cast<RequestRole?>().FirstOrDefault() ?? (held.Count > 0 ? held[0] : RequestRole.Investigator);
        var capacity = role == RequestRole.DesignatedAuthority ? settings.ValidatorCapacity
            : role is RequestRole.Investigator or RequestRole.Supervisor or RequestRole.LiaisonOfficer ? AuthorityCapacity.InvestigatingAuthority
            : (AuthorityCapacity?)null;
        return new RequestActor(caller.UserId, organisation, role, capacity);
    }

    /// <summary>The request roles a policy role may act in.</summary>
    public static IEnumerable<RequestRole> Of(Role role) => role switch
    {
        Role.Investigator or Role.Analyst => [RequestRole.Investigator],
        Role.Supervisor => [RequestRole.Supervisor],
        Role.LiaisonOfficer => [RequestRole.LiaisonOfficer],
        Role.DesignatedAuthority => [RequestRole.DesignatedAuthority],
        Role.ProviderCompliance => [RequestRole.ProviderCompliance],
        _ => [],
    };
}
