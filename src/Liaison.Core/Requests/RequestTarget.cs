namespace Liaison.Core.Requests;

/// <summary>The kind of selector a request names.</summary>
public enum TargetKind
{
    /// <summary>A phone number, stored in E.164.</summary>
    Phone,

    /// <summary>An e-mail address, stored canonical (lower case, punycode domain, no sub-address).</summary>
    Email,

    /// <summary>An account at a service, stored as "service:username" in lower case.</summary>
    Account,

    /// <summary>A domain name, stored in lower-case punycode without the trailing dot.</summary>
    Domain,

    /// <summary>An IPv4 or IPv6 address in its canonical text form.</summary>
    IpAddress,

    /// <summary>An IBAN in electronic form.</summary>
    Iban,

    /// <summary>A crypto wallet address ("btc:…", "eth:0x…").</summary>
    Wallet,

    /// <summary>A handset IMEI: 15 digits with a valid Luhn check digit.</summary>
    Imei,

    /// <summary>A passport, ID-card or other document number.</summary>
    DocumentNumber,
}

/// <summary>
/// One selector of a request, already normalised (see <see cref="TargetNormaliser"/>). What the
/// requesting side believes about the person's location and nationality is kept because some instruments
/// forbid targeting certain people (US–UK Agreement art. 4(3)).
/// </summary>
/// <param name="Kind">What the selector is.</param>
/// <param name="Value">The canonical form of the selector.</param>
/// <param name="BelievedLocation">ISO 3166 alpha-2 country where the user is believed to be, if known.</param>
/// <param name="BelievedNationality">ISO 3166 alpha-2 nationality of the user, if known.</param>
public sealed record RequestTarget(TargetKind Kind, string Value, string? BelievedLocation = null, string? BelievedNationality = null);
