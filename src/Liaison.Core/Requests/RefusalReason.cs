namespace Liaison.Core.Requests;

/// <summary>Why an addressee refuses a request (or a validator finds it cannot be sent). Stable codes, used in statistics.</summary>
public enum RefusalReason
{
    /// <summary>The offence is not on the configured list, or its maximum penalty is below the instrument's threshold.</summary>
    NotSeriousCrime,

    /// <summary>The data, request type, addressee or jurisdiction is outside what the instrument covers.</summary>
    OutsideInstrumentScope,

    /// <summary>A target is a person the instrument protects (e.g. a US person in a UK order under the US–UK Agreement art. 4(3)).</summary>
    ProtectedPerson,

    /// <summary>Missing or too little information: targets, period, case, statement, issuer.</summary>
    InsufficientInformation,

    /// <summary>The addressee no longer holds the data.</summary>
    DataNoLongerHeld,

    /// <summary>Complying would breach the law of another country that binds the addressee.</summary>
    ConflictOfLaws,

    /// <summary>The request names another addressee.</summary>
    NotAddressedToThisProvider,

    /// <summary>The addressee does not accept requests under this instrument.</summary>
    InstrumentNotAccepted,

    /// <summary>The requesting authority, or the key that signed the request, is not on the addressee's list.</summary>
    AuthorityNotRecognised,
}
