using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Storage.Retention;
using Liaison.Storage;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The persons of a case as the CLK schema's columns (FEBRL names): <c>given_name</c> ← firstName,
/// <c>surname</c> ← lastName, <c>date_of_birth</c> ← birthDate; other schema columns are missing. Copies
/// received from other agencies and TLP:RED records never take part (a link would pass them on).
/// </summary>
internal static class CasePersons
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["given_name"] = "firstName",
        ["surname"] = "lastName",
        ["date_of_birth"] = "birthDate",
    };

    public static async Task<List<(string RecordId, Func<string, string?> Column)>> LoadAsync(LiaisonDb db, string caseId, DateOnly today, CancellationToken ct)
    {
        var red = (int)Tlp.Red;
        var rows = await db.Records.AsNoTracking().InForce(today)
            .Where(r => r.CaseId == caseId && r.Schema == "Person" && !r.IsReceivedCopy && r.Tlp < red)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.PropertiesJson })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var properties = JsonSerializer.Deserialize<Dictionary<string, string[]>>(r.PropertiesJson) ?? [];
            Func<string, string?> column = name => Columns.TryGetValue(name, out var property) && properties.TryGetValue(property, out var values) && values.Length > 0
                ? values[0]
                : null;
            return (r.Id, column);
        }).ToList();
    }
}
