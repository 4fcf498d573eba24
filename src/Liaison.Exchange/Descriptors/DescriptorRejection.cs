namespace Liaison.Exchange.Descriptors;

/// <summary>Why a node descriptor (or a change to a known peer) was refused.</summary>
public enum DescriptorRejection
{
    /// <summary>Not a descriptor: bad JSON, missing fields, keys that are not P-256 or whose kid is not their thumbprint.</summary>
    Malformed,
    /// <summary>The self-signature (or an endorsement) does not verify.</summary>
    BadSignature,
    /// <summary>Outside its not-before/not-after period.</summary>
    Expired,
    /// <summary>Signed by a key the descriptor itself lists as revoked, or one the peer directory knows to be revoked.</summary>
    RevokedKey,
    /// <summary>A known node's signing key changed without an endorsement by a key we already trust for it.</summary>
    UnendorsedKeyChange,
    /// <summary>The descriptor is this node's own.</summary>
    OwnNode,
    /// <summary>Older than the descriptor already held for the node.</summary>
    Stale,
}
