namespace Liaison.Core.Policy;

/// <summary>
/// Where data is going: a peer node, its agency and jurisdiction, and for TLP:RED the named person it
/// is released to. <see cref="PseudonymScope"/> is what keyed pseudonyms are computed per, so one
/// recipient sees the same pseudonym for the same victim every time and two recipients cannot link theirs.
/// </summary>
public sealed record Recipient
{
    public Recipient(string nodeId, string agency, string jurisdiction, string? person = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        NodeId = nodeId;
        Agency = agency;
        Jurisdiction = jurisdiction.ToUpperInvariant();
        Person = string.IsNullOrWhiteSpace(person) ? null : person;
    }

    public string NodeId { get; }
    public string Agency { get; }

    /// <summary>ISO 3166 alpha-2 code of the recipient's jurisdiction.</summary>
    public string Jurisdiction { get; }

    /// <summary>The individual the data is released to; TLP:RED leaves the node only with one named.</summary>
    public string? Person { get; }

    /// <summary>True for an export to a file at the caller's own node.</summary>
    public bool IsFileExport { get; private init; }

    /// <summary>The key pseudonyms are derived per: the recipient node (one node serves one agency).</summary>
    public string PseudonymScope => IsFileExport ? "export:" + NodeId : NodeId;

    /// <summary>
    /// The recipient of an export to a file: data leaves the system but stays in the caller's
    /// jurisdiction, so the domestic rules decide, and protected subjects are still pseudonymised.
    /// </summary>
    public static Recipient ForFileExport(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new Recipient(caller.Node, caller.Agency, caller.Jurisdiction) { IsFileExport = true };
    }
}
