using System.Globalization;
using Liaison.Core.Requests.Instruments;
using Liaison.Core.Requests.Offences;

namespace Liaison.Core.Requests.Validation;

/// <summary>The instrument's scope (types, categories, addressee, jurisdictions, offences) and safeguards (serious crime, protected persons).</summary>
public sealed partial class DataAccessRequestValidator
{
    private void CheckInstrument(DataAccessRequest r, InstrumentProfile p, ErrorList errors)
    {
        if (!p.Types.Contains(r.Type))
        {
            errors.Add("type", $"a {r.Type} request is outside the scope of {p.Title}", RefusalReason.OutsideInstrumentScope);
        }
        foreach (var c in (r.Categories & ~p.Categories).Each())
        {
            errors.Add("categories", $"{c} is outside the scope of {p.Title} ({p.Citation})", RefusalReason.OutsideInstrumentScope);
        }
        if (r.Addressee.Kind != p.AddresseeKind)
        {
            errors.Add("addressee.kind", $"{p.Title} is addressed to a {p.AddresseeKind}, not a {r.Addressee.Kind}", RefusalReason.OutsideInstrumentScope);
        }
        if (p.IssuerJurisdictions is { } issuers && !issuers.Contains(r.Requester.Jurisdiction))
        {
            errors.Add("requester.jurisdiction", $"{r.Requester.Jurisdiction} cannot issue under {p.Title}", RefusalReason.OutsideInstrumentScope);
        }
        if (p.AddresseeJurisdictions is { } addressees && !addressees.Contains(r.Addressee.Jurisdiction))
        {
            errors.Add("addressee.jurisdiction", $"an addressee in {r.Addressee.Jurisdiction} is outside the scope of {p.Title}", RefusalReason.OutsideInstrumentScope);
        }
        if (p.CrossBorderOnly && string.Equals(r.Requester.Jurisdiction, r.Addressee.Jurisdiction, StringComparison.Ordinal))
        {
            errors.Add("addressee.jurisdiction", $"is the requester's own jurisdiction; {p.Title} is for cross-border requests", RefusalReason.OutsideInstrumentScope);
        }
        if (p.Offences is { } offences && !string.IsNullOrEmpty(r.OffenceCode) && !offences.Contains(r.OffenceCode))
        {
            errors.Add("offenceCode", $"{p.Title} only covers {string.Join(", ", offences.Order(StringComparer.Ordinal))}", RefusalReason.OutsideInstrumentScope);
        }
        if (p.TargetKinds is { } kinds)
        {
            for (var i = 0; i < r.Targets.Count; i++)
            {
                if (!kinds.Contains(r.Targets[i].Kind))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"targets[{i}]"), $"a {r.Targets[i].Kind} target is outside the scope of {p.Title}", RefusalReason.OutsideInstrumentScope);
                }
            }
        }
        if (p.RequiresHitReference && string.IsNullOrWhiteSpace(r.HitReference) && r.Type != RequestType.FollowUpAfterHit)
        {
            errors.Add("hitReference", $"{p.Title} must name the hit it follows", RefusalReason.InsufficientInformation);
        }
        CheckSeriousCrime(r, p, errors);
        CheckProtectedPersons(r, p, errors);
    }

    private void CheckSeriousCrime(DataAccessRequest r, InstrumentProfile p, ErrorList errors)
    {
        var needing = r.Categories & p.SeriousCrimeRequiredFor;
        if (needing == DataCategory.None)
        {
            return;
        }
        var penalty = r.MaximumPenaltyYears;
        if (penalty >= p.SeriousCrimeMinimumYears)
        {
            return;
        }
        var directive = p.DirectiveOffencesQualify && r.CommittedByInformationSystem
            && _rules.Offences.TryGet(r.OffenceCode, out OffenceCategory offence) && offence.EEvidenceDirectiveOffence;
        if (directive)
        {
            return;
        }
        var what = string.Join(" and ", needing.Each());
        var why = string.Create(CultureInfo.InvariantCulture,
            $"{p.Title} allows {what} only for a serious crime (maximum penalty of at least {p.SeriousCrimeMinimumYears} years)");
        errors.Add("maximumPenaltyYears", penalty is null
            ? why + "; the maximum penalty is not stated"
            : string.Create(CultureInfo.InvariantCulture, $"{why}; the stated maximum is {penalty} years"), RefusalReason.NotSeriousCrime);
    }

    private static void CheckProtectedPersons(DataAccessRequest r, InstrumentProfile p, ErrorList errors)
    {
        foreach (var rule in p.ProtectedPersons.Where(x => string.Equals(x.IssuingJurisdiction, r.Requester.Jurisdiction, StringComparison.Ordinal)))
        {
            for (var i = 0; i < r.Targets.Count; i++)
            {
                var t = r.Targets[i];
                var national = rule.ProtectsNationals && string.Equals(t.BelievedNationality, rule.ProtectedJurisdiction, StringComparison.Ordinal);
                var located = rule.ProtectsPersonsLocatedThere && string.Equals(t.BelievedLocation, rule.ProtectedJurisdiction, StringComparison.Ordinal);
                if (national || located)
                {
                    var how = national ? $"a national of {rule.ProtectedJurisdiction}" : $"a person located in {rule.ProtectedJurisdiction}";
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"targets[{i}]"),
                        $"targets {how}, whom a {r.Requester.Jurisdiction} order under {p.Title} may not target ({rule.Citation})", RefusalReason.ProtectedPerson);
                }
            }
        }
    }
}
