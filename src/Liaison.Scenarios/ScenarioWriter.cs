using System.Globalization;
using Liaison.Interchange.FtM;

namespace Liaison.Scenarios;

/// <summary>Writes each agency's part of a scenario as <c>NODE/case.ftm.jsonl</c> and <c>NODE/cdr.csv</c>.</summary>
public static class ScenarioWriter
{
    public static void Write(Scenario scenario, string folder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var node in scenario.Nodes)
        {
            var dir = Path.Combine(folder, node.NodeId);
            Directory.CreateDirectory(dir);
            using (var stream = File.Create(Path.Combine(dir, "case.ftm.jsonl")))
            using (var writer = new FtmWriter(stream))
            {
                foreach (var r in node.Records)
                {
                    writer.Write(r);
                }
            }
            using var cdr = new StreamWriter(Path.Combine(dir, "cdr.csv"));
            cdr.WriteLine("caller,callee,start,duration,cell_id");
            foreach (var c in node.Calls)
            {
                cdr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Caller},{c.Callee},{c.Start:yyyy-MM-ddTHH:mm:ssZ},{c.Duration},{c.Cell}"));
            }
        }
    }
}
