using Liaison.Storage.Rows;

namespace Liaison.Node.Web.Cases;

/// <summary>The rows a records table shows (case page, search results), and the case they belong to.</summary>
public sealed record RecordsTable(string CaseId, IReadOnlyList<RecordRow> Rows)
{
    public string EntityPath(RecordRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return "/cases/" + Uri.EscapeDataString(CaseId) + "/entities/" + Uri.EscapeDataString(row.Id);
    }
}
