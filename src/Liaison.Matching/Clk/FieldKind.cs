namespace Liaison.Matching.Clk;

/// <summary>How a field's value is normalised before it is cut into n-grams.</summary>
public enum FieldKind
{
    /// <summary>Person name: <c>PersonNames.SearchKey</c> (case fold, diacritics dropped, Cyrillic/Greek/Arabic transliterated).</summary>
    Name,

    /// <summary>Date (YYYYMMDD or ISO): canonical "YYYYMMDD" digits, usually hashed as positional unigrams.</summary>
    Date,

    /// <summary>Free text such as a street or town: the same folding as names, but order kept.</summary>
    Text,

    /// <summary>Numbers such as postcodes or street numbers: digits only.</summary>
    Digits,
}

/// <summary>Hardening applied to the finished filter, against frequency and pattern attacks on plain CLKs.</summary>
public enum Hardening
{
    /// <summary>Plain CLK, as clkhash produces by default.</summary>
    None,

    /// <summary>Encode at twice the length and XOR the halves together (Schnell et al. 2016): bits no longer map to one n-gram.</summary>
    XorFold,

    /// <summary>
    /// Encode at half the length, append the complement and permute with a key from the secret
    /// (Schnell 2016 "balanced Bloom filters"): every filter has exactly half its bits set, so the
    /// popcount no longer leaks the length of the name.
    /// </summary>
    Balance,
}
