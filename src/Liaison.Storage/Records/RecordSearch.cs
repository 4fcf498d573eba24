using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Storage.Records;

/// <summary>
/// Finds records by what an investigator types: a phone (any format), an e-mail, an IBAN, a
/// document number or a name (diacritics and scripts folded). Always restricted to the given cases,
/// and to records not past their review date on <c>today</c>.
/// </summary>
public sealed class RecordSearch(LiaisonDb db, PhoneNumberNormalizer phones, DateOnly today)
{
    public async Task<IReadOnlyList<RecordRow>> FindAsync(string query, IReadOnlyCollection<string> caseIds, int limit = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caseIds);
        var keys = Keys(query).ToList();
        var matches = db.Identifiers.AsNoTracking().Where(i => caseIds.Contains(i.CaseId)).InForce(db, today);
        var ids = new List<string>();
        foreach (var (kind, value) in keys)
        {
            var k = (int)kind;
            var found = kind == IdentifierKind.Name
                ? await matches.Where(i => i.Kind == k && i.Value.Contains(value)).Select(i => i.RecordId).Distinct().Take(limit).ToListAsync(ct)
                : await matches.Where(i => i.Kind == k && i.Value == value).Select(i => i.RecordId).Distinct().Take(limit).ToListAsync(ct);
            ids.AddRange(found);
        }
        var distinct = ids.Distinct(StringComparer.Ordinal).Take(limit).ToList();
        return await db.Records.AsNoTracking().InForce(today).Where(r => distinct.Contains(r.Id)).OrderBy(r => r.Caption).ToListAsync(ct);
    }

    private IEnumerable<(IdentifierKind, string)> Keys(string query)
    {
        if (phones.TryNormalize(query, out _) is { } phone)
        {
            yield return (IdentifierKind.Phone, phone);
        }
        if (EmailAddresses.TryCanonicalize(query, out _) is { } email)
        {
            yield return (IdentifierKind.Email, email);
        }
        if (Iban.TryNormalize(query, out _) is { } iban)
        {
            yield return (IdentifierKind.Iban, iban);
        }
        if (DocumentNumbers.TryNormalize(query, out _) is { } doc)
        {
            yield return (IdentifierKind.DocumentNumber, doc);
            yield return (IdentifierKind.Plate, doc);
        }
        if (CryptoWallets.TryNormalize(query, out _) is { } wallet)
        {
            yield return (IdentifierKind.Wallet, wallet);
        }
        var name = PersonNames.SearchKey(query);
        if (name.Length >= 2)
        {
            yield return (IdentifierKind.Name, name);
        }
    }
}
