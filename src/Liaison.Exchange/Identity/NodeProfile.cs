namespace Liaison.Exchange.Identity;

/// <summary>Who a node is, as its descriptor tells peers: node id, agency, jurisdiction and where to reach it.</summary>
/// <param name="NodeId">Stable, unique among the federation's nodes, e.g. "gb-nca-1".</param>
/// <param name="Agency">The agency that runs the node, e.g. "National Crime Agency".</param>
/// <param name="Jurisdiction">ISO 3166-1 alpha-2 code (or "EU" for a Union body), e.g. "GB".</param>
/// <param name="Endpoint">The node's exchange URL.</param>
public sealed record NodeProfile(string NodeId, string Agency, string Jurisdiction, Uri Endpoint)
{
    /// <summary>Checks what a peer will rely on: a node id of [a-z0-9.-], a two-letter jurisdiction, an absolute http(s) endpoint.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(NodeId) || NodeId.Length > 64
            || !NodeId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
        {
            throw new ArgumentException("the node id must be 1-64 characters of a-z, 0-9, '-' and '.'", nameof(NodeId));
        }
        if (string.IsNullOrWhiteSpace(Agency))
        {
            throw new ArgumentException("the agency must be named", nameof(Agency));
        }
        if (Jurisdiction is not { Length: 2 } || !Jurisdiction.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("the jurisdiction must be a two-letter upper-case code such as GB, US or EU", nameof(Jurisdiction));
        }
        if (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("the endpoint must be an absolute http(s) URL", nameof(Endpoint));
        }
    }
}
