using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Analysis.Tests.Cases;

/// <summary>Builds records for tests: schema, id, marking and properties, nothing else to care about.</summary>
internal static class Records
{
    public static EntityRecord Make(string id, string schema, params (string Property, string Value)[] values) =>
        Make(id, schema, Tlp.Amber, values);

    public static EntityRecord Make(string id, string schema, Tlp tlp, params (string Property, string Value)[] values)
    {
        var properties = values.GroupBy(v => v.Property).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToList());
        var envelope = new RecordEnvelope
        {
            OriginAgency = "NCA", OriginNode = "uk-nca", CaseId = "case-1", LegalBasis = "IPA 2016", Tlp = tlp,
            Provenance = new Provenance("file:test.csv", DateTimeOffset.UnixEpoch, "analyst"),
        };
        return new EntityRecord(id, schema, properties, envelope);
    }
}
