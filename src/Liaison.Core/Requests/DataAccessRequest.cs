namespace Liaison.Core.Requests;

/// <summary>
/// A request for data under a stated legal instrument: to a foreign agency or directly to a service
/// provider. Immutable; the workflow (<see cref="Workflow.RequestWorkflow"/>) returns a new value with
/// the next state, the approvals and the history. A draft may be incomplete; it is validated in full
/// (<see cref="Validation.DataAccessRequestValidator"/>) before anyone approves or sends it.
/// </summary>
public sealed record DataAccessRequest
{
    public required string Id { get; init; }
    public required RequestType Type { get; init; }

    /// <summary>The legal basis. Null in a draft that does not have one yet; such a request cannot be approved.</summary>
    public LegalInstrument? Instrument { get; init; }

    /// <summary>Code of the offence category, from the configured <see cref="Offences.OffenceCatalogue"/>.</summary>
    public string OffenceCode { get; init; } = "";

    /// <summary>Maximum custodial sentence, in years, for the offence under the requesting state's law.</summary>
    public int? MaximumPenaltyYears { get; init; }

    /// <summary>
    /// The offence was committed wholly or partly by means of an information system; with an offence
    /// listed in Regulation (EU) 2023/1543 art. 5(4)(b) this opens traffic and content data below the 3-year threshold.
    /// </summary>
    public bool CommittedByInformationSystem { get; init; }

    /// <summary>Selectors, already normalised.</summary>
    public IReadOnlyList<RequestTarget> Targets { get; init; } = [];

    /// <summary>The time range of the data requested.</summary>
    public RequestPeriod? Period { get; init; }

    public DataCategory Categories { get; init; }

    /// <summary>The purpose: why the data is necessary and proportionate for this investigation.</summary>
    public string NecessityStatement { get; init; } = "";

    public Urgency Urgency { get; init; } = Urgency.Normal;

    /// <summary>For an emergency: what imminent threat justifies it.</summary>
    public string? EmergencyJustification { get; init; }

    /// <summary>The addressee must not tell the user about the request.</summary>
    public bool DoNotNotifyUser { get; init; }

    public string CaseId { get; init; } = "";

    /// <summary>For a follow-up after a hit: the hit it follows (hit/no-hit reference).</summary>
    public string? HitReference { get; init; }

    public required RequestingAuthority Requester { get; init; }
    public required Addressee Addressee { get; init; }
    public Issuer? Issuer { get; init; }

    /// <summary>The user who opened the draft (set by the workflow).</summary>
    public string DraftedBy { get; init; } = "";

    public RequestState State { get; init; } = RequestState.Draft;
    public IReadOnlyList<Approval> Approvals { get; init; } = [];

    /// <summary>Every transition so far, oldest first.</summary>
    public IReadOnlyList<RequestTransition> History { get; init; } = [];
}
