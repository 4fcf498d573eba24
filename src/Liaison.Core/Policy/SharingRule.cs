using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// One jurisdiction and agreement rule from the policy file: from which jurisdictions to which, under
/// which legal instrument, for which purposes, which data categories and offences may go, up to which
/// TLP, and with which obligations. Rules are tried in file order; the first that covers a transfer decides.
/// </summary>
public sealed class SharingRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required IReadOnlySet<string> From { get; init; }
    public required IReadOnlySet<string> To { get; init; }
    public required LegalInstrument Instrument { get; init; }
    public required IReadOnlySet<string> Purposes { get; init; }
    public required IReadOnlySet<string> Categories { get; init; }
    public OffenceScope Offences { get; init; } = OffenceScope.Any;

    /// <summary>The narrowest TLP this rule lets out: records marked narrower (RED when this is AMBER) are not covered.</summary>
    public Tlp MaxTlp { get; init; } = Tlp.Red;

    /// <summary>Subjects whose identities this rule releases in clear (by default victims, minors, witnesses and informants are pseudonymised).</summary>
    public SubjectCategories Disclose { get; init; }

    /// <summary>Subjects pseudonymised under this rule in addition to the protected ones (e.g. suspects, for statistics).</summary>
    public SubjectCategories Pseudonymise { get; init; }

    /// <summary>Obligations besides pseudonymisation: redact, strip attachments, add handling, raise TLP.</summary>
    public IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>The file and line the rule was read from, for messages to the policy's author.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the rule covers the transfer; the allocation-free twin of <see cref="WhyNot"/> for the hot path.</summary>
    internal bool Covers(Transfer transfer)
    {
        if ((transfer.Instrument is { } wanted && !string.Equals(wanted, Instrument.Id, StringComparison.Ordinal)) || !Instrument.InForce
            || !Purposes.Contains(transfer.Purpose) || transfer.Tlp > MaxTlp)
        {
            return false;
        }
        foreach (var category in transfer.Categories)
        {
            if (!Categories.Contains(category))
            {
                return false;
            }
        }
        return Offences.WhyNot(transfer.Offence) is null && (!Instrument.SeriousCrimeOnly || transfer.Offence is { Serious: true });
    }

    /// <summary>Null when the rule covers the transfer, else why not — ids and categories only, never personal data.</summary>
    internal string? WhyNot(Transfer transfer)
    {
        if (transfer.Instrument is { } wanted && !string.Equals(wanted, Instrument.Id, StringComparison.Ordinal))
        {
            return $"is under '{Instrument.Id}', not the requested '{wanted}'";
        }
        if (!Instrument.InForce)
        {
            return $"instrument '{Instrument.Id}' is not in force";
        }
        if (!Purposes.Contains(transfer.Purpose))
        {
            return $"does not cover purpose '{transfer.Purpose}'";
        }
        var missing = transfer.Categories.Where(c => !Categories.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return $"does not cover data categor{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing.Select(m => $"'{m}'"))}";
        }
        if (Offences.WhyNot(transfer.Offence) is { } offenceReason)
        {
            return offenceReason;
        }
        if (Instrument.SeriousCrimeOnly && transfer.Offence is not { Serious: true })
        {
            return transfer.Offence is null
                ? $"instrument '{Instrument.Id}' is for serious crime only and the request names no offence"
                : $"instrument '{Instrument.Id}' is for serious crime only and '{transfer.Offence.Id}' is not serious";
        }
        if (transfer.Tlp > MaxTlp)
        {
            return $"lets out at most {MaxTlp.ToLabel()}, the record is {transfer.Tlp.ToLabel()}";
        }
        return null;
    }
}

/// <summary>What a sharing rule is matched against: one outbound transfer.</summary>
internal sealed record Transfer(string Purpose, IReadOnlySet<string> Categories, Offence? Offence, string? Instrument, Tlp Tlp);
