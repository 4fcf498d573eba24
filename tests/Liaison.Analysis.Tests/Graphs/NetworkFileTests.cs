using Liaison.Analysis.Graphs.Import;

namespace Liaison.Analysis.Tests.Graphs;

public class NetworkFileTests
{
    private static Liaison.Analysis.Graphs.Graph Edges(string text) => EdgeListReader.Read(new StringReader(text), "edges.csv");

    [Fact]
    public void Edge_list_without_header_or_weights_gives_unit_ties()
    {
        var graph = Edges("a,b\nb,c\n");
        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(2, graph.EdgeCount);
        Assert.False(graph.IsWeighted);
    }

    [Theory]
    [InlineData("source,target,weight\na,b,2\n")]
    [InlineData("from,to\na,b\na,b\n")]
    [InlineData("caller,callee,calls\na,b,2\n")]
    public void A_header_line_is_recognised_and_skipped(string text)
    {
        var graph = Edges(text);
        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(2, graph.EdgeWeight(0));
    }

    [Fact]
    public void Quoted_ids_may_hold_commas_and_quotes()
    {
        var graph = Edges("\"Smith, John\",\"O\"\"Brien\",1.5\n");
        Assert.True(graph.TryIndexOf("Smith, John", out _));
        Assert.True(graph.TryIndexOf("O\"Brien", out _));
    }

    [Fact]
    public void Comments_and_blank_lines_are_skipped() =>
        Assert.Equal(1, Edges("# exported 2024\n\na,b\n   \n").EdgeCount);

    [Theory]
    [InlineData("a,b\nb,c,-1\n", 2, "the weight is not a positive number")]
    [InlineData("a,b\nb,c,heavy\n", 2, "the weight is not a positive number")]
    [InlineData("a,b\n\nb\n", 3, "expected source,target[,weight] but found 1 field(s)")]
    [InlineData("a,b,1,2\n", 1, "expected source,target[,weight] but found 4 field(s)")]
    [InlineData("a,b\n,c\n", 2, "a node id is empty")]
    [InlineData("a,b\n\"c,d\n", 2, "a quoted field is not closed on its line")]
    public void Bad_lines_are_reported_with_file_line_and_reason(string text, int line, string reason)
    {
        var e = Assert.Throws<NetworkFileException>(() => Edges(text));
        Assert.Equal("edges.csv", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(reason, e.Reason);
        Assert.Equal($"edges.csv:{line}: {reason}", e.Message);
    }

    [Fact]
    public void Adjacency_matrix_keeps_isolated_nodes_and_takes_the_stronger_direction()
    {
        const string matrix = "\uFEFF\"\",\"A\",\"B\",\"C\"\n\"A\",0,2,0\n\"B\",5,0,0\n\"C\",0,0,0\n";
        var graph = AdjacencyMatrixReader.Read(new StringReader(matrix), "m.csv");
        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(5, graph.EdgeWeight(0));
        Assert.Equal(0, graph.Degree(graph.IndexOf("C")));
    }

    [Theory]
    [InlineData(",A,B\nA,0,1\n", "found 1 rows for 2 labelled columns")]
    [InlineData(",A,B\nA,0,1\nB,x,0\n", "column 2 is not a non-negative number")]
    [InlineData(",A,B\nA,0,1\nC,1,0\n", "row 2 is labelled differently from column 2")]
    [InlineData(",A,A\nA,0,1\nA,1,0\n", "the first row must hold distinct node labels")]
    public void Malformed_matrices_are_refused_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<NetworkFileException>(() => AdjacencyMatrixReader.Read(new StringReader(text), "m.csv"));
        Assert.Equal(reason, e.Reason);
    }
}
