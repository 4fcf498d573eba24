using System.Text;
using Liaison.Core.Model;

namespace Liaison.Matching.Psi;

/// <summary>
/// The bytes that are hashed to the group for one identifier: the kind, a colon, then the normalised value
/// ("phone:+447700900123"). The kind prefix keeps domains apart, so an e-mail can never collide with a
/// document number that happens to be spelt the same.
/// </summary>
public static class PsiInput
{
    /// <summary>RFC 9497 frames inputs with a 2-byte length.</summary>
    public const int MaxInputBytes = ushort.MaxValue;

    public static string KindTag(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Phone => "phone",
        IdentifierKind.Email => "email",
        IdentifierKind.Name => "name",
        IdentifierKind.DocumentNumber => "document",
        IdentifierKind.Iban => "iban",
        IdentifierKind.Wallet => "wallet",
        IdentifierKind.Plate => "plate",
        IdentifierKind.BirthDate => "birthdate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "identifier kind has no PSI tag"),
    };

    /// <summary>The UTF-8 input for an identifier that the Core normalisers have already put in canonical form.</summary>
    public static byte[] Encode(Identifier identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier.Value);
        var bytes = Encoding.UTF8.GetBytes(KindTag(identifier.Kind) + ":" + identifier.Value);
        if (bytes.Length > MaxInputBytes)
        {
            throw new ArgumentException($"a {KindTag(identifier.Kind)} identifier longer than {MaxInputBytes} bytes cannot be matched", nameof(identifier));
        }
        return bytes;
    }

    /// <summary>Encoded inputs with duplicates dropped, first occurrence kept.</summary>
    internal static (Identifier Identifier, byte[] Input)[] Distinct(IEnumerable<Identifier> identifiers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<(Identifier, byte[])>();
        foreach (var identifier in identifiers)
        {
            var input = Encode(identifier);
            if (seen.Add(Encoding.UTF8.GetString(input)))
            {
                items.Add((identifier, input));
            }
        }
        return [.. items];
    }
}
