using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Liaison.Core.Identifiers;

namespace Liaison.Core.Requests;

/// <summary>
/// Normalises request selectors with the same code the importers use (Liaison.Core.Identifiers), so a
/// target phone in a request is the same string as that phone in the case graph and in a returned CDR.
/// </summary>
public sealed class TargetNormaliser(PhoneNumberNormalizer phones)
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Returns the canonical form, or null with a reason (which never repeats the raw value).</summary>
    public string? TryNormalise(TargetKind kind, string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        return kind switch
        {
            TargetKind.Phone => phones.TryNormalize(raw, out reason),
            TargetKind.Email => EmailAddresses.TryCanonicalize(raw, out reason),
            TargetKind.Iban => Iban.TryNormalize(raw, out reason),
            TargetKind.Wallet => CryptoWallets.TryNormalize(raw, out reason),
            TargetKind.DocumentNumber => DocumentNumbers.TryNormalize(raw, out reason),
            TargetKind.Domain => Domain(raw, out reason),
            TargetKind.IpAddress => Ip(raw, out reason),
            TargetKind.Imei => Imei(raw, out reason),
            TargetKind.Account => Account(raw, out reason),
            _ => Fail("is of an unknown kind", out reason),
        };
    }

    /// <summary>A target with its value normalised; throws <see cref="ArgumentException"/> with the reason when it is not valid.</summary>
    public RequestTarget Target(TargetKind kind, string raw, string? believedLocation = null, string? believedNationality = null)
    {
        var value = TryNormalise(kind, raw, out var reason)
            ?? throw new ArgumentException($"The {kind} target {reason}.", nameof(raw));
        return new RequestTarget(kind, value, believedLocation?.Trim().ToUpperInvariant(), believedNationality?.Trim().ToUpperInvariant());
    }

    private static string? Domain(string raw, out string? reason)
    {
        reason = null;
        var text = raw.Trim().TrimEnd('.');
        string ascii;
        try
        {
            ascii = Idn.GetAscii(text).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Fail("is not a domain name", out reason);
        }
        var labels = ascii.Split('.');
        var valid = labels.Length >= 2 && ascii.Length <= 253 && labels.All(l => l.Length is >= 1 and <= 63
            && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-');
        return valid ? ascii : Fail("is not a domain name (labels of letters, digits and hyphens)", out reason);
    }

    private static string? Ip(string raw, out string? reason)
    {
        reason = null;
        var text = raw.Trim();
        // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthand; a request must name a full address.
        if (IPAddress.TryParse(text, out var ip) && (ip.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3))
        {
            return ip.ToString();
        }
        return Fail("is not an IPv4 or IPv6 address", out reason);
    }

    private static string? Imei(string raw, out string? reason)
    {
        reason = null;
        var digits = new string(raw.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '/')).ToArray());
        if (digits.Length != 15 || !digits.All(char.IsAsciiDigit))
        {
            return Fail("is not an IMEI (15 digits)", out reason);
        }
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return sum % 10 == 0 ? digits : Fail("fails the IMEI check digit (Luhn)", out reason);
    }

    private static string? Account(string raw, out string? reason)
    {
        reason = null;
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == raw.Length - 1)
        {
            return Fail("is not an account (expected service:username)", out reason);
        }
        var service = raw[..colon].Trim().ToLowerInvariant();
        var user = raw[(colon + 1)..].Trim().TrimStart('@').ToLowerInvariant();
        if (service.Length == 0 || user.Length == 0 || service.Any(char.IsWhiteSpace) || user.Any(char.IsWhiteSpace) || user.Length > 256)
        {
            return Fail("is not an account (expected service:username without spaces)", out reason);
        }
        return service + ":" + user;
    }

    private static string? Fail(string why, out string? reason)
    {
        reason = why;
        return null;
    }
}
