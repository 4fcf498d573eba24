using Liaison.Core.Model;
using Liaison.Matching.Psi;

namespace Liaison.Node.Federation;

/// <summary>
/// The identifier kinds that hit/no-hit matches exactly, by their PSI names, and the policy data
/// category each one discloses. Names and birth dates are not offered: exact matching of names is
/// weak and their domain is small; persons are matched with CLK encodings instead.
/// </summary>
public static class MatchKinds
{
    private static readonly IdentifierKind[] Matchable =
        [IdentifierKind.Phone, IdentifierKind.Email, IdentifierKind.DocumentNumber, IdentifierKind.Iban, IdentifierKind.Wallet, IdentifierKind.Plate];

    /// <summary>"phone", "email", "document", "iban", "wallet", "plate".</summary>
    public static IReadOnlyList<string> Names { get; } = Matchable.Select(PsiInput.KindTag).ToArray();

    public static string NameOf(IdentifierKind kind) => PsiInput.KindTag(kind);

    /// <summary>Parses kind names; an unknown or unmatchable name is an <see cref="ArgumentException"/> listing the known ones.</summary>
    public static IReadOnlyList<IdentifierKind> Parse(IEnumerable<string>? names)
    {
        var kinds = new List<IdentifierKind>();
        foreach (var name in names ?? [])
        {
            var index = Array.FindIndex(Matchable, k => string.Equals(PsiInput.KindTag(k), name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new ArgumentException($"'{Clip(name)}' is not an identifier kind hit/no-hit matches ({string.Join(", ", Names)})");
            }
            var kind = Matchable[index];
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }
        return kinds.Count > 0 ? kinds : throw new ArgumentException($"name at least one identifier kind ({string.Join(", ", Names)})");
    }

    /// <summary>
    /// The data category of the policy file a hit on this kind discloses: that the holder has a
    /// contact detail, an account or a document of someone.
    /// </summary>
    public static string CategoryOf(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Phone or IdentifierKind.Email => "contact",
        IdentifierKind.Iban or IdentifierKind.Wallet => "financial",
        IdentifierKind.DocumentNumber => "identity",
        IdentifierKind.Plate => "vehicle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a matchable kind"),
    };

    public static IReadOnlyList<string> CategoriesOf(IEnumerable<IdentifierKind> kinds) =>
        kinds.Select(CategoryOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
