namespace Liaison.Matching.Psi;

/// <summary>A PSI message that does not fit the session: wrong suite, session or sizes, invalid group elements, a step out of order.</summary>
public sealed class PsiProtocolException(Guid sessionId, string reason)
    : Exception($"PSI session {sessionId}: {reason}")
{
    public Guid SessionId { get; } = sessionId;

    public string Reason { get; } = reason;
}
