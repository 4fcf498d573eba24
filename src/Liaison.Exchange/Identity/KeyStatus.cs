namespace Liaison.Exchange.Identity;

/// <summary>Where a key is in its life.</summary>
public enum KeyStatus
{
    /// <summary>Signs (or is encrypted to) now.</summary>
    Current,
    /// <summary>Replaced by a rotation but still verifies (or decrypts) until its overlap ends.</summary>
    Previous,
    /// <summary>Past its overlap: no longer published or trusted; kept on disk only for the record.</summary>
    Retired,
}
