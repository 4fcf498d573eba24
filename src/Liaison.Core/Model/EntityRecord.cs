namespace Liaison.Core.Model;

/// <summary>
/// One entity, link or event: a stable id, a schema, multi-valued properties (values as written in
/// the source, never rewritten) and the envelope. Normalised identifiers are derived, see <see cref="Validation.RecordValidator"/>.
/// </summary>
public sealed class EntityRecord
{
    public EntityRecord(string id, string schema, IDictionary<string, List<string>> properties, RecordEnvelope envelope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(envelope);
        Id = id;
        Schema = schema;
        Properties = new SortedDictionary<string, List<string>>(properties, StringComparer.Ordinal);
        Envelope = envelope;
    }

    public string Id { get; }
    public string Schema { get; }
    public SortedDictionary<string, List<string>> Properties { get; }
    public RecordEnvelope Envelope { get; set; }

    public IReadOnlyList<string> Values(string property) => Properties.TryGetValue(property, out var v) ? v : [];

    public string? First(string property) => Properties.TryGetValue(property, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>A short human label: the first name/number/title the record has, else its id.</summary>
    public string Caption =>
        First("name") ?? JoinName() ?? First("number") ?? First("email") ?? First("iban") ?? First("publicKey")
        ?? First("registrationNumber") ?? First("title") ?? First("username") ?? First("full") ?? Id;

    private string? JoinName()
    {
        var parts = new[] { First("firstName"), First("lastName") }.Where(p => p is not null).ToArray();
        return parts.Length == 0 ? null : string.Join(' ', parts);
    }
}
