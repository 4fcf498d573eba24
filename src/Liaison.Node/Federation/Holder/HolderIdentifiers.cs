using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Storage;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation;

/// <summary>
/// The holder's normalised identifiers that may answer a query (see <see cref="AnswerScope"/>), distinct by kind and value;
/// a record past its review date answers no hit.
/// </summary>
internal static class HolderIdentifiers
{
    public static async Task<List<Identifier>> LoadAsync(LiaisonDb db, IReadOnlyCollection<IdentifierKind> kinds, IReadOnlySet<string> cases,
        Tlp maxTlp, SubjectCategories excluded, DateOnly today, CancellationToken ct)
    {
        var kindCodes = kinds.Select(k => (int)k).ToList();
        var caseIds = cases.ToList();
        var tlp = (int)maxTlp;
        var mask = (int)excluded;
        var rows = await (
                from i in db.Identifiers.AsNoTracking()
                join r in db.Records.AsNoTracking() on i.RecordId equals r.Id
                where kindCodes.Contains(i.Kind) && caseIds.Contains(i.CaseId) && !r.IsReceivedCopy && r.Tlp <= tlp && (r.Subjects & mask) == 0
                    && (r.ReviewDate == null || r.ReviewDate >= today)
                select new { i.Kind, i.Value })
            .Distinct()
            .ToListAsync(ct);
        return rows.Select(r => new Identifier((IdentifierKind)r.Kind, r.Value, "")).ToList();
    }
}
