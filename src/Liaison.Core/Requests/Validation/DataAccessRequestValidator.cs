using System.Globalization;
using Liaison.Core.Identifiers;
using Liaison.Core.Requests.Instruments;
using Liaison.Core.Requests.Offences;

namespace Liaison.Core.Requests.Validation;

/// <summary>
/// Checks a request in full: completeness, then the instrument's scope and safeguards. Used by the
/// requesting side before approval and sending, and by the addressee when screening (the same rules,
/// so both sides agree on what is valid). Returns every problem, not only the first.
/// </summary>
public sealed partial class DataAccessRequestValidator
{
    public const int MaxIdLength = 100;

    private readonly RequestRules _rules;

    // Targets are stored normalised; re-normalising checks that. Phone targets are E.164 ("+…"), on which
    // the default region has no effect, so any supported region will do here.
    private readonly TargetNormaliser _targets = new(new PhoneNumberNormalizer("GB"));

    public DataAccessRequestValidator(RequestRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    public RequestRules Rules => _rules;

    /// <summary>Every problem found; empty when the request may be approved and sent.</summary>
    public IReadOnlyList<RequestValidationError> Validate(DataAccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorList(request.Id);
        CheckIdentity(request, errors);
        CheckSubstance(request, errors);
        CheckTargets(request, errors);
        if (request.Instrument is null)
        {
            errors.Add("instrument", "a request needs a legal instrument", RefusalReason.InsufficientInformation);
        }
        else if (!_rules.Instruments.TryGet(request.Instrument.Value, out var profile))
        {
            errors.Add("instrument", $"no profile is configured for {request.Instrument}", RefusalReason.OutsideInstrumentScope);
        }
        else
        {
            CheckInstrument(request, profile, errors);
        }
        return errors.Items;
    }

    /// <summary>Throws <see cref="InvalidRequestException"/> listing every problem, if there is any.</summary>
    public void EnsureValid(DataAccessRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new InvalidRequestException(request.Id, errors);
        }
    }

    private static void CheckIdentity(DataAccessRequest r, ErrorList errors)
    {
        if (string.IsNullOrEmpty(r.Id) || r.Id.Length > MaxIdLength || !r.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors.Add("id", $"must be 1 to {MaxIdLength} ASCII letters, digits, '-', '_', '.' or ':'", RefusalReason.InsufficientInformation);
        }
        if (string.IsNullOrWhiteSpace(r.CaseId))
        {
            errors.Add("caseId", "every request belongs to a case", RefusalReason.InsufficientInformation);
        }
        if (string.IsNullOrWhiteSpace(r.Requester.AuthorityId) || string.IsNullOrWhiteSpace(r.Requester.NodeId))
        {
            errors.Add("requester", "the requesting authority and its node are required", RefusalReason.InsufficientInformation);
        }
        if (!Jurisdictions.IsCountryCode(r.Requester.Jurisdiction))
        {
            errors.Add("requester.jurisdiction", "is not an ISO 3166 alpha-2 country code in upper case", RefusalReason.InsufficientInformation);
        }
        if (string.IsNullOrWhiteSpace(r.Addressee.Id))
        {
            errors.Add("addressee", "the addressee is required", RefusalReason.InsufficientInformation);
        }
        if (!Jurisdictions.IsCountryCode(r.Addressee.Jurisdiction))
        {
            errors.Add("addressee.jurisdiction", "is not an ISO 3166 alpha-2 country code in upper case", RefusalReason.InsufficientInformation);
        }
        if (r.Issuer is null || string.IsNullOrWhiteSpace(r.Issuer.Name))
        {
            errors.Add("issuer", "the issuing authority is required", RefusalReason.InsufficientInformation);
        }
    }

    private void CheckSubstance(DataAccessRequest r, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(r.OffenceCode))
        {
            errors.Add("offenceCode", "the offence category is required", RefusalReason.InsufficientInformation);
        }
        else if (!_rules.Offences.TryGet(r.OffenceCode, out _))
        {
            errors.Add("offenceCode", "is not on the configured list of serious offence categories", RefusalReason.NotSeriousCrime);
        }
        if (r.MaximumPenaltyYears is < 0 or > 99)
        {
            errors.Add("maximumPenaltyYears", "must be 0 to 99 years (99 for life)", RefusalReason.InsufficientInformation);
        }
        if (r.Period is null && r.Type != RequestType.ContentTakedown)
        {
            errors.Add("period", "the time range of the data is required", RefusalReason.InsufficientInformation);
        }
        else if (r.Period is { IsInverted: true })
        {
            errors.Add("period", "starts after it ends", RefusalReason.InsufficientInformation);
        }
        CheckCategories(r, errors);
        var statement = r.NecessityStatement?.Trim() ?? "";
        if (statement.Length < _rules.MinimumStatementLength)
        {
            errors.Add("necessityStatement", string.Create(CultureInfo.InvariantCulture,
                $"is {statement.Length} characters; at least {_rules.MinimumStatementLength} are needed to state why the data is necessary and proportionate"),
                RefusalReason.InsufficientInformation);
        }
        if (r.Urgency == Urgency.Emergency && string.IsNullOrWhiteSpace(r.EmergencyJustification))
        {
            errors.Add("emergencyJustification", "an emergency request must state the imminent threat that justifies it", RefusalReason.InsufficientInformation);
        }
        if (r.Type == RequestType.FollowUpAfterHit && string.IsNullOrWhiteSpace(r.HitReference))
        {
            errors.Add("hitReference", "a follow-up must name the hit it follows", RefusalReason.InsufficientInformation);
        }
    }

    private static void CheckCategories(DataAccessRequest r, ErrorList errors)
    {
        if (r.Categories == DataCategory.None)
        {
            errors.Add("categories", "at least one data category is required", RefusalReason.InsufficientInformation);
            return;
        }
        foreach (var c in (r.Categories & ~RequestTypes.Allowed(r.Type)).Each())
        {
            errors.Add("categories", $"{c} cannot be requested in a {r.Type} request", RefusalReason.OutsideInstrumentScope);
        }
        if (!r.Categories.HasAny(RequestTypes.Principal(r.Type)))
        {
            errors.Add("categories", $"a {r.Type} request must name {string.Join(" or ", RequestTypes.Principal(r.Type).Each())}", RefusalReason.InsufficientInformation);
        }
    }

    private void CheckTargets(DataAccessRequest r, ErrorList errors)
    {
        if (r.Targets.Count == 0)
        {
            errors.Add("targets", "at least one target is required", RefusalReason.InsufficientInformation);
            return;
        }
        var seen = new Dictionary<(TargetKind, string), int>();
        for (var i = 0; i < r.Targets.Count; i++)
        {
            var t = r.Targets[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"targets[{i}]");
            var canonical = _targets.TryNormalise(t.Kind, t.Value, out var reason);
            if (canonical is null)
            {
                errors.Add(field, $"is not a valid {t.Kind}: it {reason}", RefusalReason.InsufficientInformation);
                continue;
            }
            if (!string.Equals(canonical, t.Value, StringComparison.Ordinal))
            {
                errors.Add(field, $"is not in the canonical {t.Kind} form; normalise it with TargetNormaliser", RefusalReason.InsufficientInformation);
            }
            if (!seen.TryAdd((t.Kind, canonical), i))
            {
                errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"repeats targets[{seen[(t.Kind, canonical)]}]"), RefusalReason.InsufficientInformation);
            }
            if (t.BelievedLocation is not null && !Jurisdictions.IsCountryCode(t.BelievedLocation))
            {
                errors.Add(field + ".believedLocation", "is not an ISO 3166 alpha-2 country code in upper case", RefusalReason.InsufficientInformation);
            }
            if (t.BelievedNationality is not null && !Jurisdictions.IsCountryCode(t.BelievedNationality))
            {
                errors.Add(field + ".believedNationality", "is not an ISO 3166 alpha-2 country code in upper case", RefusalReason.InsufficientInformation);
            }
        }
    }

    private sealed class ErrorList(string requestId)
    {
        public List<RequestValidationError> Items { get; } = [];

        public void Add(string field, string reason, RefusalReason ground) => Items.Add(new(requestId, field, reason, ground));
    }
}
