using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Core.Requests;
using Liaison.Core.Requests.FollowUp;
using Liaison.Ledger.Entries;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Requests;

/// <summary>
/// Confirms, before a follow-up is drafted, that each identifier it would name was matched in that case's
/// hit/no-hit session with that peer: the ledger's hit entries for the session list the case's records
/// behind each hit, and one of them must carry the identifier. A follow-up can thus name only what the
/// peer already knows this node holds.
/// </summary>
public sealed class HitLookup(LiaisonDb db, NodeConfig node)
{
    public async Task<IReadOnlyList<MatchedIdentifier>> ConfirmAsync(string caseId, string peer, Guid session, IReadOnlyList<HitBody> hits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            throw new ArgumentException("field 'hits': a follow-up names at least one matched identifier");
        }
        var sessionText = session.ToString();
        var behind = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => e.Payload).ToListAsync(ct);
        foreach (var payload in entries)
        {
            LedgerEvent e;
            try
            {
                e = CanonicalEntryEncoding.Decode(payload);
            }
            catch (MalformedEntryException)
            {
                continue;
            }
            if (e.Type == LedgerEventType.Hit && e.Case == caseId && e.Detail.GetValueOrDefault("session") == sessionText
                && e.Detail.GetValueOrDefault("peer") == peer && e.Detail.GetValueOrDefault("kind") is { } kind)
            {
                if (!behind.TryGetValue(kind, out var set))
                {
                    behind[kind] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.UnionWith(e.Subjects);
            }
        }
        var normaliser = new TargetNormaliser(new PhoneNumberNormalizer(node.PhoneRegion));
        var matched = new List<MatchedIdentifier>();
        for (var i = 0; i < hits.Count; i++)
        {
            var (kindName, value) = (hits[i].Kind?.Trim().ToLowerInvariant() ?? "", hits[i].Value ?? "");
            var (identifierKind, targetKind) = KindsOf(kindName, i);
            var records = behind.GetValueOrDefault(kindName) ?? [];
            var code = (int)identifierKind;
            var held = records.Count > 0 && await db.Identifiers.AsNoTracking().AnyAsync(x => x.Kind == code && x.Value == value && records.Contains(x.RecordId), ct);
            if (!held)
            {
                throw new ArgumentException($"field 'hits[{i}]': not a {kindName} matched in hit/no-hit session {sessionText} of case '{caseId}' with '{peer}'");
            }
            matched.Add(new MatchedIdentifier(targetKind, normaliser.TryNormalise(targetKind, value, out _) ?? value));
        }
        return matched;
    }

    private static (IdentifierKind, TargetKind) KindsOf(string name, int index) => name switch
    {
        "phone" => (IdentifierKind.Phone, TargetKind.Phone),
        "email" => (IdentifierKind.Email, TargetKind.Email),
        "document" => (IdentifierKind.DocumentNumber, TargetKind.DocumentNumber),
        "iban" => (IdentifierKind.Iban, TargetKind.Iban),
        "wallet" => (IdentifierKind.Wallet, TargetKind.Wallet),
        _ => throw new ArgumentException($"field 'hits[{index}].kind': '{name}' cannot be the target of a follow-up (phone, email, document, iban, wallet)"),
    };
}
