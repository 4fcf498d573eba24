namespace Liaison.Core.Requests.Instruments;

/// <summary>
/// The instrument profiles a node applies. <see cref="Default"/> encodes the texts as we read them
/// (citations in each profile and in docs/requests.md); periods the texts do not fix are marked
/// "configurable default" and should be set by the node operator.
/// </summary>
public sealed class InstrumentCatalogue
{
    private readonly Dictionary<LegalInstrument, InstrumentProfile> _profiles;

    public InstrumentCatalogue(IEnumerable<InstrumentProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = [];
        foreach (var p in profiles)
        {
            CheckDeadlines(p);
            if (!_profiles.TryAdd(p.Instrument, p))
            {
                throw new ArgumentException($"Instrument {p.Instrument} has two profiles.", nameof(profiles));
            }
        }
    }

    public static InstrumentCatalogue Default { get; } = new(DefaultInstrumentProfiles.All);

    public IReadOnlyCollection<InstrumentProfile> Profiles => _profiles.Values;

    public bool TryGet(LegalInstrument instrument, out InstrumentProfile profile) => _profiles.TryGetValue(instrument, out profile!);

    public InstrumentProfile this[LegalInstrument instrument] =>
        _profiles.TryGetValue(instrument, out var p) ? p : throw new KeyNotFoundException($"No profile for instrument {instrument}.");

    // Checked once at start-up so that a misconfigured period fails loudly rather than never reminding.
    private static void CheckDeadlines(InstrumentProfile p)
    {
        var d = p.Deadlines;
        if (d.Response <= TimeSpan.Zero || d.EmergencyResponse <= TimeSpan.Zero || d.ExpiryGrace < TimeSpan.Zero || d.PreservationPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Instrument {p.Instrument}: periods must be positive (grace may be zero).");
        }
        var previous = 0.0;
        foreach (var f in d.ReminderFractions)
        {
            if (f <= previous || f >= 1)
            {
                throw new ArgumentException($"Instrument {p.Instrument}: reminder fractions must ascend strictly within (0, 1).");
            }
            previous = f;
        }
    }

    /// <summary>A catalogue with <paramref name="profile"/> replacing the profile of its instrument.</summary>
    public InstrumentCatalogue With(InstrumentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(_profiles.Values.Where(p => p.Instrument != profile.Instrument).Append(profile));
    }
}
