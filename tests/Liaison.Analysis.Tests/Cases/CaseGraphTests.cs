using Liaison.Analysis.Cases;
using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Analysis.Tests.Cases;

public class CaseGraphTests
{
    private static EntityRecord Record(string id, string schema, Tlp tlp, params (string Property, string Value)[] values)
    {
        var properties = values.GroupBy(v => v.Property).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToList());
        var envelope = new RecordEnvelope
        {
            OriginAgency = "NCA", OriginNode = "uk-nca", CaseId = "case-1", LegalBasis = "IPA 2016", Tlp = tlp,
            Provenance = new Provenance("file:test.csv", DateTimeOffset.UnixEpoch, "analyst"),
        };
        return new EntityRecord(id, schema, properties, envelope);
    }

    private static List<EntityRecord> Case() =>
    [
        Record("p1", "Person", Tlp.Amber, ("name", "Ann Example")),
        Record("p2", "Person", Tlp.Amber, ("name", "Bob Example")),
        Record("ph1", "Phone", Tlp.Green, ("number", "+447700900123")),
        Record("use1", "Use", Tlp.Amber, ("user", "p1"), ("thing", "ph1")),
        Record("call1", "Call", Tlp.Red, ("caller", "ph1"), ("receiver", "p2")),
        Record("call2", "Call", Tlp.Amber, ("caller", "ph1"), ("receiver", "p2")),
        Record("msg1", "Message", Tlp.Amber, ("sender", "p2"), ("recipients", "p1"), ("recipients", "p3")),
        Record("assoc", "Association", Tlp.Amber, ("subject", "p1"), ("object", "p2"), ("weight", "4")),
    ];

    [Fact]
    public void Things_become_typed_nodes_and_links_join_their_source_and_target()
    {
        var graph = CaseGraph.Build(Case());
        Assert.Equal(4, graph.NodeCount);
        Assert.Equal("Person", graph.NodeType(graph.IndexOf("p1")));
        Assert.Equal("Phone", graph.NodeType(graph.IndexOf("ph1")));
        Assert.Equal("node", graph.NodeType(graph.IndexOf("p3")));
        // p1–ph1, ph1–p2, p1–p2 (message and association), p2–p3.
        Assert.Equal(4, graph.EdgeCount);
    }

    [Fact]
    public void Two_calls_make_a_tie_of_strength_two_marked_as_the_narrower_call()
    {
        var graph = CaseGraph.Build(Case());
        var edge = graph.FindEdge(graph.IndexOf("ph1"), graph.IndexOf("p2"));
        Assert.Equal(2, graph.EdgeWeight(edge));
        Assert.Equal(["Call"], graph.EdgeTypes(edge).ToArray());
        Assert.Equal(Tlp.Red, graph.EdgeMarking(edge).Tlp);
    }

    [Fact]
    public void A_link_weight_property_sets_the_tie_strength_and_adds_to_other_links()
    {
        var graph = CaseGraph.Build(Case());
        var edge = graph.FindEdge(graph.IndexOf("p1"), graph.IndexOf("p2"));
        Assert.Equal(1 + 4, graph.EdgeWeight(edge));
        Assert.Equal(["Message", "Association"], graph.EdgeTypes(edge).ToArray());
    }

    [Fact]
    public void The_case_report_is_marked_as_narrowly_as_its_most_restricted_record()
    {
        var report = CaseGraphAnalysis.Run(Case());
        Assert.Equal(Tlp.Red, report.Marking.Tlp);
        Assert.Equal(4, report.Nodes.Count);
    }

    [Fact]
    public void A_things_owner_or_holder_joins_it_to_that_entity()
    {
        var graph = CaseGraph.Build(
        [
            Record("p1", "Person", Tlp.Amber, ("name", "Ann Example")),
            Record("acct", "BankAccount", Tlp.Red, ("iban", "GB33BUKB20201555555555"), ("holder", "p1")),
        ]);

        var edge = graph.FindEdge(graph.IndexOf("acct"), graph.IndexOf("p1"));
        Assert.NotEqual(-1, edge);
        Assert.Equal(["holder"], graph.EdgeTypes(edge));
        Assert.Equal(Tlp.Red, graph.EdgeMarking(edge).Tlp);
    }
}
