using Liaison.Analysis.Reports;
using Liaison.Core.Model;

namespace Liaison.Analysis.Cases;

/// <summary>
/// The entry point for <c>liaison analyze --dir D --case C</c> and the node's analysis endpoint:
/// records in, report out. Storage supplies the case's records (own and received, already filtered
/// by the policy engine to what the caller may see); nothing here reads a database.
/// </summary>
public static class CaseGraphAnalysis
{
    public static NetworkReport Run(IEnumerable<EntityRecord> records, NetworkReportOptions? options = null) =>
        NetworkReport.Compute(CaseGraph.Build(records), options);
}
