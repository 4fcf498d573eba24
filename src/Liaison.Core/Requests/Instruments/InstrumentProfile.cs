namespace Liaison.Core.Requests.Instruments;

/// <summary>
/// What an instrument allows and requires, as data: scope (request types, data categories, addressee kind,
/// jurisdictions, offences), safeguards (serious-crime threshold, validation, protected persons) and
/// deadlines. A node may replace a profile (<c>with</c>) to match its national implementation.
/// </summary>
public sealed record InstrumentProfile
{
    public required LegalInstrument Instrument { get; init; }
    public required string Title { get; init; }

    /// <summary>The provisions the rules come from.</summary>
    public required string Citation { get; init; }

    public required AddresseeKind AddresseeKind { get; init; }
    public required IReadOnlySet<RequestType> Types { get; init; }
    public required DataCategory Categories { get; init; }

    /// <summary>Categories that may only be requested for a serious crime (maximum penalty at or above <see cref="SeriousCrimeMinimumYears"/>).</summary>
    public DataCategory SeriousCrimeRequiredFor { get; init; }

    public int SeriousCrimeMinimumYears { get; init; } = 3;

    /// <summary>An offence flagged <see cref="Offences.OffenceCategory.EEvidenceDirectiveOffence"/> committed by means of an information system also qualifies (Regulation (EU) 2023/1543 art. 5(4)(b)).</summary>
    public bool DirectiveOffencesQualify { get; init; }

    /// <summary>Where the instrument needs a designated or judicial authority to validate before sending.</summary>
    public IReadOnlyList<ValidationRequirement> Validations { get; init; } = [];

    /// <summary>Jurisdictions that may issue under the instrument; null when any may.</summary>
    public IReadOnlySet<string>? IssuerJurisdictions { get; init; }

    /// <summary>Jurisdictions an addressee may be in; null when any.</summary>
    public IReadOnlySet<string>? AddresseeJurisdictions { get; init; }

    /// <summary>The addressee must be in another jurisdiction than the requester.</summary>
    public bool CrossBorderOnly { get; init; } = true;

    public IReadOnlyList<ProtectedPersonRule> ProtectedPersons { get; init; } = [];

    /// <summary>Kinds of selector the instrument takes; null when any.</summary>
    public IReadOnlySet<TargetKind>? TargetKinds { get; init; }

    /// <summary>Offence codes the instrument is limited to; null when any on the configured list.</summary>
    public IReadOnlySet<string>? Offences { get; init; }

    /// <summary>The request must name the hit it follows.</summary>
    public bool RequiresHitReference { get; init; }

    public required DeadlinePolicy Deadlines { get; init; }

    /// <summary>The capacities that may validate a request for <paramref name="categories"/>: the strictest of the requirements that apply; null when none applies.</summary>
    public IReadOnlySet<AuthorityCapacity>? ValidatorsFor(DataCategory categories)
    {
        HashSet<AuthorityCapacity>? allowed = null;
        foreach (var v in Validations.Where(v => categories.HasAny(v.Categories)))
        {
            if (allowed is null)
            {
                allowed = [.. v.Capacities];
            }
            else
            {
                allowed.IntersectWith(v.Capacities);
            }
        }
        return allowed;
    }
}
