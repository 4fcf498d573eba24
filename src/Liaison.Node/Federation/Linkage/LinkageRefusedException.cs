namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The hub refuses an upload or a result request. <see cref="Code"/> is the problem type's last segment
/// (<c>linkage-not-a-participant</c> …); messages name runs, node ids and counts, never a record.
/// </summary>
public sealed class LinkageRefusedException(string code, int status, string message) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}
