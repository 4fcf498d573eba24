namespace Liaison.Analysis.EntityResolution;

/// <summary>Why two records were judged to concern the same subject.</summary>
public enum MatchRule
{
    /// <summary>An analyst merged them (a manual decision, applied before any rule).</summary>
    ManualMerge,

    /// <summary>Two persons carry the same identity-document number.</summary>
    SameDocument,

    /// <summary>Two records of the same kind of thing have the same key identifier (two Phone records with one number, two BankAccounts with one IBAN).</summary>
    SameThing,

    /// <summary>A person or organisation lists the identifier of a phone, e-mail, account or wallet record, or is its owner, holder or user.</summary>
    BelongsTo,

    /// <summary>Two persons have similar names (Jaro–Winkler on the transliterated search key) and the same date of birth.</summary>
    NameAndBirthDate,

    /// <summary>Two persons list the same phone or e-mail and have similar names.</summary>
    NameAndSharedContact,
}
