namespace Liaison.Core.Policy;

/// <summary>
/// The chokepoint the node calls on every request: the policy in force plus the case register that
/// need-to-know rules consult. One instance per node (a singleton); thread-safe.
/// </summary>
public sealed class PolicyEngine(PolicyStore store, ICaseRegister cases)
{
    public PolicyStore Store => store;

    /// <summary>Decides one request under the policy in force.</summary>
    public PolicyDecision Decide(AccessRequest request) => store.Current.Decide(request, cases);

    /// <summary>
    /// A need-to-know filter for one caller, to apply to every row of a search, count, graph or
    /// export before anything is shown. Cases are looked up once each.
    /// </summary>
    public CaseVisibility VisibilityFor(Caller caller) => new(store.Current, caller, cases);

    /// <summary>Every case id the caller may see, to filter a query in the database.</summary>
    public IReadOnlySet<string> VisibleCases(Caller caller) => store.Current.VisibleCases(caller, cases);
}
