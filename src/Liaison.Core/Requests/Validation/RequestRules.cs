using Liaison.Core.Requests.Instruments;
using Liaison.Core.Requests.Offences;

namespace Liaison.Core.Requests.Validation;

/// <summary>The configuration requests are checked against: offence list, instrument profiles, minimum statement length.</summary>
public sealed record RequestRules
{
    public static RequestRules Default { get; } = new();

    public OffenceCatalogue Offences { get; init; } = OffenceCatalogue.EuropeanArrestWarrantList;
    public InstrumentCatalogue Instruments { get; init; } = InstrumentCatalogue.Default;

    /// <summary>A necessity and proportionality statement shorter than this says too little to be assessed.</summary>
    public int MinimumStatementLength { get; init; } = 100;
}
