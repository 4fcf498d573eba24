namespace Liaison.Core.Model;

/// <summary>Where a record came from: a file or a peer node, when, and by whom it was brought in.</summary>
public sealed record Provenance(string Source, DateTimeOffset ReceivedAt, string ReceivedBy, string? SourceLocator = null)
{
    /// <summary>"file" for imports, "peer" for records received from another node, "manual" for entry in the UI.</summary>
    public string Channel => Source.StartsWith("peer:", StringComparison.Ordinal) ? "peer" : Source.StartsWith("file:", StringComparison.Ordinal) ? "file" : "manual";
}
