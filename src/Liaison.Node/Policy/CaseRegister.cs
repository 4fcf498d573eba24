using Liaison.Core.Policy;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Policy;

/// <summary>The node's cases as the policy engine sees them; all cases on a node belong to its agency.</summary>
internal sealed class CaseRegister(LiaisonDb db, NodeConfig node) : ICaseRegister
{
    private Dictionary<string, CaseInfo>? _cases;

    private Dictionary<string, CaseInfo> Cases => _cases ??= db.Cases.AsNoTracking().Select(c => c.Id).ToList()
        .ToDictionary(id => id, id => new CaseInfo(id, node.Agency, null), StringComparer.Ordinal);

    public CaseInfo? Find(string caseId) => Cases.GetValueOrDefault(caseId);

    public IEnumerable<CaseInfo> CasesOfAgency(string agency) =>
        string.Equals(agency, node.Agency, StringComparison.Ordinal) ? Cases.Values : [];
}
