using System.Globalization;

namespace Liaison.Core.Requests.Evidence;

/// <summary>What a well-formed manifest looks like, checked when one is made and when one is read.</summary>
internal static class ManifestRules
{
    public static void Check(EvidenceManifest m)
    {
        Require(!string.IsNullOrWhiteSpace(m.RequestId), "requestId", "is required");
        Require(!string.IsNullOrWhiteSpace(m.Responder), "responder", "is required");
        Require(m.Files.Count > 0, "files", "a package holds at least one file");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m.Files.Count; i++)
        {
            var f = m.Files[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"files[{i}]");
            Require(IsSafeName(f.Name), at + ".name", "must be 1 to 255 characters, without directories, '..' or control characters");
            Require(names.Add(f.Name), at + ".name", "appears twice");
            Require(IsMediaType(f.MediaType), at + ".mediaType", "is not a media type (type/subtype)");
            Require(f.Sha256 is { Length: 64 } && f.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'), at + ".sha256", "must be 64 lower-case hex digits");
            Require(f.Size >= 0, at + ".size", "must not be negative");
        }
    }

    // File names become paths at the receiving end, so anything that could climb out of the package folder is refused.
    private static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= 255 } && name != "." && name != ".." && !name.Contains('/', StringComparison.Ordinal)
        && !name.Contains('\\', StringComparison.Ordinal) && !name.Any(char.IsControl) && name.Trim().Length == name.Length;

    private static bool IsMediaType(string? value)
    {
        if (value is null || value.Length > 127)
        {
            return false;
        }
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && value.IndexOf('/', slash + 1) < 0
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-' or '_');
    }

    private static void Require(bool condition, string field, string reason)
    {
        if (!condition)
        {
            throw new InvalidManifestException(field, reason);
        }
    }
}
