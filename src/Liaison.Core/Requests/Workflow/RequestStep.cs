namespace Liaison.Core.Requests.Workflow;

/// <summary>The request after an action, and the transition to journal in the ledger.</summary>
public sealed record RequestStep(DataAccessRequest Request, RequestTransition Transition);
