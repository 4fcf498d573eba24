namespace Liaison.Core.Requests.Provider;

/// <summary>One ground for refusing, naming the field it concerns.</summary>
public sealed record RefusalGround(RefusalReason Reason, string Field, string Explanation);

/// <summary>The outcome of screening an incoming request: accept, or refuse with every ground found.</summary>
public sealed record Screening(string RequestId, IReadOnlyList<RefusalGround> Grounds)
{
    public bool IsAcceptable => Grounds.Count == 0;

    /// <summary>The ground to record as the refusal's reason code: the first one found, which is the most basic (addressee, instrument, authority come first).</summary>
    public RefusalReason? PrincipalReason => Grounds.Count == 0 ? null : Grounds[0].Reason;

    /// <summary>The grounds as one text, for the refusal transition and the reply to the requester.</summary>
    public string Explanation => string.Join("; ", Grounds.Select(g => $"{g.Field}: {g.Explanation}"));
}
