using Liaison.Core.Identifiers;
using Liaison.Core.Requests;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>A draft or revision as the API and the web form send it. Enums travel as their names.</summary>
public sealed record DraftBody
{
    public string CaseId { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Instrument { get; init; }
    public string OffenceCode { get; init; } = "";
    public int? MaximumPenaltyYears { get; init; }
    public bool CommittedByInformationSystem { get; init; }
    public IReadOnlyList<TargetBody> Targets { get; init; } = [];
    public DateTimeOffset? PeriodFrom { get; init; }
    public DateTimeOffset? PeriodTo { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string NecessityStatement { get; init; } = "";
    public string? Urgency { get; init; }
    public string? EmergencyJustification { get; init; }
    public bool DoNotNotifyUser { get; init; }
    public string? HitReference { get; init; }
    public string AddresseeKind { get; init; } = "";
    public string AddresseeId { get; init; } = "";
    public string AddresseeJurisdiction { get; init; } = "";
    public string? IssuerName { get; init; }
    public string? IssuerCapacity { get; init; }

    /// <summary>
    /// The request this body describes, from this node. Names and values that cannot be read are an
    /// <see cref="ArgumentException"/> naming the field; completeness and the instrument's rules are the
    /// validator's, at approval.
    /// </summary>
    public DataAccessRequest ToRequest(string id, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // Investigators write numbers as they would dial them at home, so national forms are read in this node's country.
        var normaliser = new TargetNormaliser(new PhoneNumberNormalizer(node.PhoneRegion));
        var targets = new List<RequestTarget>();
        for (var i = 0; i < Targets.Count; i++)
        {
            var t = Targets[i];
            var kind = Parse<TargetKind>(t.Kind, $"targets[{i}].kind");
            var value = normaliser.TryNormalise(kind, t.Value, out var reason)
                ?? throw new ArgumentException($"request '{id}', field 'targets[{i}].value': the {kind} target {reason}");
            targets.Add(new RequestTarget(kind, value, Upper(t.BelievedLocation), Upper(t.BelievedNationality)));
        }
        var categories = Categories.Select((c, i) => Parse<DataCategory>(c, $"categories[{i}]")).Aggregate(DataCategory.None, (a, c) => a | c);
        return new DataAccessRequest
        {
            Id = id,
            Type = Parse<RequestType>(Type, "type"),
            Instrument = string.IsNullOrWhiteSpace(Instrument) ? null : Parse<LegalInstrument>(Instrument, "instrument"),
            OffenceCode = OffenceCode.Trim(),
            MaximumPenaltyYears = MaximumPenaltyYears,
            CommittedByInformationSystem = CommittedByInformationSystem,
            Targets = targets,
            Period = PeriodFrom is { } from && PeriodTo is { } to ? new RequestPeriod(from, to) : null,
            Categories = categories,
            NecessityStatement = NecessityStatement.Trim(),
            Urgency = string.IsNullOrWhiteSpace(Urgency) ? Core.Requests.Urgency.Normal : Parse<Urgency>(Urgency, "urgency"),
            EmergencyJustification = string.IsNullOrWhiteSpace(EmergencyJustification) ? null : EmergencyJustification.Trim(),
            DoNotNotifyUser = DoNotNotifyUser,
            CaseId = CaseId.Trim(),
            HitReference = string.IsNullOrWhiteSpace(HitReference) ? null : HitReference.Trim(),
            Requester = new RequestingAuthority(node.NodeId, node.Jurisdiction, node.NodeId),
            Addressee = new Addressee(Parse<AddresseeKind>(AddresseeKind, "addresseeKind"), AddresseeId.Trim(), AddresseeJurisdiction.Trim().ToUpperInvariant()),
            Issuer = string.IsNullOrWhiteSpace(IssuerName) ? null
                : new Issuer(IssuerName.Trim(), string.IsNullOrWhiteSpace(IssuerCapacity) ? AuthorityCapacity.InvestigatingAuthority : Parse<AuthorityCapacity>(IssuerCapacity, "issuerCapacity")),
        };
    }

    internal static T Parse<T>(string? text, string field) where T : struct, Enum =>
        Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new ArgumentException($"field '{field}': '{Clip(text)}' is not one of {string.Join(", ", Enum.GetNames<T>())}");

    private static string? Upper(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    private static string Clip(string? s) => s is null ? "" : s.Length > 40 ? s[..40] : s;
}

/// <summary>One target of a draft.</summary>
public sealed record TargetBody(string Kind, string Value, string? BelievedLocation = null, string? BelievedNationality = null);

/// <summary>An action with an optional text (note, reason, question or answer).</summary>
public sealed record ActionBody(string Purpose = "", string? Text = null);

/// <summary>The addressee's answer: fulfil, partly or refuse.</summary>
public sealed record RespondBody(string Purpose = "", string Outcome = "", string? Reason = null, string? RefusalReason = null,
    IReadOnlyList<FileBody>? Files = null);

/// <summary>An evidence file, base64.</summary>
public sealed record FileBody(string Name, string MediaType, string Content);

/// <summary>A follow-up after a hit: the hit/no-hit session and the matched identifiers it should name.</summary>
public sealed record FollowUpBody
{
    public string CaseId { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string Peer { get; init; } = "";
    public string PeerJurisdiction { get; init; } = "";
    public Guid Session { get; init; }
    public IReadOnlyList<HitBody> Hits { get; init; } = [];
    public string OffenceCode { get; init; } = "";
    public int? MaximumPenaltyYears { get; init; }
    public string NecessityStatement { get; init; } = "";
}

/// <summary>One matched identifier as the hit/no-hit result lists it (kind as hit/no-hit names it: phone, email, document, iban, wallet).</summary>
public sealed record HitBody(string Kind, string Value);
