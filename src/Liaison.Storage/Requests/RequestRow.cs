namespace Liaison.Storage.Requests;

/// <summary>
/// A data-access request as this node holds it: the searchable columns beside the whole request as JSON
/// (<see cref="Document"/>), which is what the workflow reads back. Both ends of a request keep a row:
/// the requester with <see cref="RequestDirection.Outgoing"/>, the addressee with <see cref="RequestDirection.Incoming"/>.
/// </summary>
public sealed class RequestRow
{
    public required string Id { get; set; }
    public required string Direction { get; set; }
    public required string CaseId { get; set; }
    public required string Type { get; set; }
    public string? Instrument { get; set; }
    public required string State { get; set; }
    public required string RequesterId { get; set; }
    public required string RequesterJurisdiction { get; set; }
    public required string AddresseeId { get; set; }
    public required string AddresseeJurisdiction { get; set; }
    public required string DraftedBy { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The request serialised by <see cref="RequestDocument"/>.</summary>
    public required string Document { get; set; }

    /// <summary>On the addressee's node: the provider's screening (JSON list of refusal grounds), empty when acceptable.</summary>
    public string? Screening { get; set; }

    /// <summary>Bumped on every save; two people acting on the same request at once cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>Which end of a request this node is.</summary>
public static class RequestDirection
{
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";
}
