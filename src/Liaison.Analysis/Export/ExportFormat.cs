namespace Liaison.Analysis.Export;

/// <summary>File formats that link-analysis tools read.</summary>
public enum ExportFormat
{
    /// <summary>GraphML (yEd, Gephi, NetworkX, igraph).</summary>
    GraphMl,

    /// <summary>GEXF 1.2 (Gephi's own format).</summary>
    Gexf,

    /// <summary>Cytoscape.js elements JSON (Cytoscape desktop imports it too).</summary>
    CytoscapeJson,
}

public static class ExportFormats
{
    public static bool TryParse(string? text, out ExportFormat format)
    {
        (var ok, format) = text?.Trim().ToLowerInvariant() switch
        {
            "graphml" => (true, ExportFormat.GraphMl),
            "gexf" => (true, ExportFormat.Gexf),
            "cytoscape-json" or "cytoscape" or "cyjs" => (true, ExportFormat.CytoscapeJson),
            _ => (false, ExportFormat.GraphMl),
        };
        return ok;
    }
}
