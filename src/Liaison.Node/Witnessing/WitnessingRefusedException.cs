namespace Liaison.Node.Witnessing;

/// <summary>A witnessing exchange refused before the checkpoint was looked at, with the HTTP status to answer.</summary>
internal sealed class WitnessingRefusedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
