using PhoneNumbers;

namespace Liaison.Core.Identifiers;

/// <summary>Phones to E.164 with libphonenumber; numbers without a country code take the node's default region.</summary>
public sealed class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public PhoneNumberNormalizer(string defaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        DefaultRegion = defaultRegion.ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(DefaultRegion))
        {
            throw new ArgumentException($"'{defaultRegion}' is not a region libphonenumber knows (use an ISO 3166 alpha-2 code such as GB, US, DE).", nameof(defaultRegion));
        }
    }

    public string DefaultRegion { get; }

    /// <summary>Returns the E.164 form ("+447700900123"), or null with a reason when the number is not a valid number.</summary>
    public string? TryNormalize(string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        var text = raw.Trim();
        // "00" international prefix is common in European exports; libphonenumber only knows it per region.
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }
        try
        {
            var number = Util.Parse(text, DefaultRegion);
            if (!Util.IsValidNumber(number))
            {
                reason = "is not a valid phone number for its country";
                return null;
            }
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException e)
        {
            reason = e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "has no valid country code",
                ErrorType.NOT_A_NUMBER => "is not a phone number",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "is too short to be a phone number",
                ErrorType.TOO_LONG => "is too long to be a phone number",
                _ => "cannot be parsed as a phone number",
            };
            return null;
        }
    }

    /// <summary>The ISO region of an E.164 number, e.g. "GB"; "ZZ" when unknown.</summary>
    public static string RegionOf(string e164) => Util.GetRegionCodeForNumber(Util.Parse(e164, "ZZ"));
}
