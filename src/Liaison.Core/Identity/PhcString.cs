using System.Globalization;

namespace Liaison.Core.Identity;

/// <summary>A parsed <c>$pbkdf2-sha256$i=…,l=…$salt$hash</c> string.</summary>
internal sealed record PhcString(int Iterations, byte[] Salt, byte[] Hash)
{
    public static PhcString Parse(string? text)
    {
        // Fields: "", algorithm, parameters, salt, hash.
        var parts = (text ?? "").Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || !string.Equals(parts[1], PasswordHasher.Algorithm, StringComparison.Ordinal))
        {
            throw new InvalidPasswordHashException($"not a ${PasswordHasher.Algorithm}$ string");
        }
        int? iterations = null;
        int? length = null;
        foreach (var parameter in parts[2].Split(','))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidPasswordHashException($"bad parameter '{parameter}'");
            }
            switch (pair[0])
            {
                case "i": iterations = value; break;
                case "l": length = value; break;
                default: throw new InvalidPasswordHashException($"unknown parameter '{pair[0]}'");
            }
        }
        if (iterations is not (>= 1 and <= PasswordHasher.MaximumIterations))
        {
            throw new InvalidPasswordHashException($"iterations must be 1 to {PasswordHasher.MaximumIterations}");
        }
        var salt = FromB64(parts[3]);
        var hash = FromB64(parts[4]);
        if (salt.Length < 8 || hash.Length < 16 || (length is { } l && l != hash.Length))
        {
            throw new InvalidPasswordHashException("salt or hash has the wrong length");
        }
        return new PhcString(iterations.Value, salt, hash);
    }

    private static byte[] FromB64(string text)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new InvalidPasswordHashException("salt or hash is not base64");
        }
    }
}
