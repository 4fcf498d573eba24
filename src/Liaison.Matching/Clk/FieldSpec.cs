namespace Liaison.Matching.Clk;

/// <summary>
/// One field of a <see cref="LinkageSchema"/>: where its value comes from, how it is normalised and cut
/// into n-grams, and how many bits it may set (its weight). Exactly one of <see cref="BitsPerFeature"/>
/// (clkhash's "bitsPerFeature": k = ⌈bits / tokens⌉ hash functions per token, so long and short values
/// weigh the same) or <see cref="BitsPerToken"/> (a fixed k per token) is set.
/// </summary>
public sealed record FieldSpec
{
    /// <summary>Name of the field; also the label its HKDF key is derived under.</summary>
    public required string Name { get; init; }

    /// <summary>Input columns joined with a space; defaults to the column called <see cref="Name"/>.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public FieldKind Kind { get; init; } = FieldKind.Text;

    /// <summary>n of the n-grams: 2 (bigrams) for names and text, 1 for dates and digits.</summary>
    public int Ngram { get; init; } = 2;

    /// <summary>Prefix each n-gram with its position ("3:0"), as for dates where "1984" ≠ "1948".</summary>
    public bool Positional { get; init; }

    /// <summary>Sort the name's words first, so "SMITH John" and "John Smith" encode alike.</summary>
    public bool OrderInsensitive { get; init; }

    public int? BitsPerFeature { get; init; }

    public int? BitsPerToken { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> SourceColumns => Columns is { Count: > 0 } ? Columns : [Name];
}

/// <summary>
/// A blocking pass: records that share the pass's key become candidate pairs. The key is built from the
/// plaintext before encoding (e.g. Soundex of the surname + year of birth) and then keyed with HMAC
/// under the shared secret, so the hub sees only opaque 64-bit values.
/// </summary>
/// <param name="Name">Also part of the keyed value, so passes never collide.</param>
/// <param name="Parts">Expressions <c>transform(field)</c>: soundex, year, first1, first2, first3, value, digits.</param>
public sealed record BlockingPass(string Name, IReadOnlyList<string> Parts);
