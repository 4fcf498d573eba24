using System.Globalization;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Requests.Provider;

/// <summary>
/// The service provider's side of a request, pure: screen an incoming request (addressed to us, an
/// instrument we accept, from an authority we recognise and signed by one of its keys, lawful under the
/// instrument's rules, not targeting a protected person, data still held), then either build the evidence
/// manifest or a reasoned refusal. The node applies the result with <see cref="Workflow.RequestWorkflow"/>.
/// </summary>
public sealed class ComplianceDesk
{
    private readonly ProviderProfile _profile;
    private readonly DataAccessRequestValidator _validator;
    private readonly TimeProvider _clock;

    public ComplianceDesk(ProviderProfile profile, RequestRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(clock);
        _profile = profile;
        _validator = new DataAccessRequestValidator(rules);
        _clock = clock;
    }

    /// <param name="request">The request as received.</param>
    /// <param name="signerKeyId">The key that signed the envelope, as the Exchange pillar verified it.</param>
    /// <param name="findings">What the provider found on looking up the targets; empty before lookup.</param>
    public Screening Screen(DataAccessRequest request, string signerKeyId, IReadOnlyCollection<TargetFinding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grounds = new List<RefusalGround>();
        if (!string.Equals(request.Addressee.Id, _profile.ProviderId, StringComparison.Ordinal))
        {
            grounds.Add(new(RefusalReason.NotAddressedToThisProvider, "addressee", $"the request is addressed to '{request.Addressee.Id}'"));
        }
        if (request.Instrument is not { } instrument || !_profile.AcceptedInstruments.Contains(instrument))
        {
            grounds.Add(new(RefusalReason.InstrumentNotAccepted, "instrument", $"{request.Instrument?.ToString() ?? "no instrument"} is not an instrument this provider answers under"));
        }
        var authority = _profile.Authorities.FirstOrDefault(a => string.Equals(a.AuthorityId, request.Requester.AuthorityId, StringComparison.Ordinal));
        if (authority is null)
        {
            grounds.Add(new(RefusalReason.AuthorityNotRecognised, "requester", $"'{request.Requester.AuthorityId}' is not on this provider's list of requesting authorities"));
        }
        else if (!authority.KeyIds.Contains(signerKeyId))
        {
            grounds.Add(new(RefusalReason.AuthorityNotRecognised, "signature", $"key '{signerKeyId}' is not registered for '{authority.AuthorityId}'"));
        }
        grounds.AddRange(_validator.Validate(request).Select(e => new RefusalGround(e.Ground, e.Field, e.Reason)));
        if (findings is not null)
        {
            AddFindings(request, findings, grounds);
        }
        return new Screening(request.Id, grounds);
    }

    /// <summary>The manifest of the evidence package answering <paramref name="request"/>, dated now, unsigned (sign with <see cref="EvidenceManifest.SignWith"/>).</summary>
    public EvidenceManifest Package(DataAccessRequest request, IEnumerable<EvidenceFile> files)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EvidenceManifest.Create(request.Id, _profile.ProviderId, _clock.GetUtcNow(), files);
    }

    private void AddFindings(DataAccessRequest request, IReadOnlyCollection<TargetFinding> findings, List<RefusalGround> grounds)
    {
        var protectedRules = request.Instrument is { } i && _validator.Rules.Instruments.TryGet(i, out var p)
            ? p.ProtectedPersons.Where(r => string.Equals(r.IssuingJurisdiction, request.Requester.Jurisdiction, StringComparison.Ordinal)).ToList()
            : [];
        for (var n = 0; n < request.Targets.Count; n++)
        {
            var target = request.Targets[n];
            var field = string.Create(CultureInfo.InvariantCulture, $"targets[{n}]");
            var finding = findings.FirstOrDefault(f => f.Target.Kind == target.Kind && string.Equals(f.Target.Value, target.Value, StringComparison.Ordinal));
            if (finding is null)
            {
                continue;
            }
            // The provider may know better than the requester where the account holder is or what nationality they have.
            var rule = protectedRules.FirstOrDefault(r =>
                (r.ProtectsNationals && string.Equals(finding.Nationality, r.ProtectedJurisdiction, StringComparison.Ordinal))
                || (r.ProtectsPersonsLocatedThere && string.Equals(finding.Location, r.ProtectedJurisdiction, StringComparison.Ordinal)));
            if (rule is not null)
            {
                grounds.Add(new(RefusalReason.ProtectedPerson, field, $"the account holder is a person the instrument protects ({rule.Citation})"));
            }
        }
        var looked = request.Targets.Where(t => findings.Any(f => f.Target.Kind == t.Kind && string.Equals(f.Target.Value, t.Value, StringComparison.Ordinal))).ToList();
        if (looked.Count == request.Targets.Count && findings.Where(f => looked.Any(t => t.Kind == f.Target.Kind && t.Value == f.Target.Value)).All(f => !f.DataHeld))
        {
            grounds.Add(new(RefusalReason.DataNoLongerHeld, "targets", "no data is held for any target in the requested period"));
        }
    }
}
