using System.Globalization;
using System.Text.Json;

namespace Liaison.Node.Tests.Federation.Linkage;

/// <summary>FEBRL dataset 4a/4b rows (the Matching tests' copy) as FollowTheMoney Person lines: given name, surname, birth date.</summary>
internal static class FebrlPersons
{
    public static IReadOnlyList<(string RecId, string Line)> Read(string file, string idPrefix)
    {
        var lines = File.ReadAllLines(PathOf(file)).Skip(1).Where(l => l.Length > 0);
        return lines.Select(l =>
        {
            var c = l.Split(',').Select(v => v.Trim()).ToArray();
            var properties = new Dictionary<string, string[]> { ["name"] = [$"{c[1]} {c[2]}".Trim() is { Length: > 0 } n ? n : c[0]] };
            if (c[1].Length > 0)
            {
                properties["firstName"] = [c[1]];
            }
            if (c[2].Length > 0)
            {
                properties["lastName"] = [c[2]];
            }
            if (DateOnly.TryParseExact(c[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) && born.Year < 2020)
            {
                properties["birthDate"] = [born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            }
            return (c[0], JsonSerializer.Serialize(new { id = idPrefix + c[0], schema = "Person", properties }));
        }).ToList();
    }

    private static string PathOf(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Liaison.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "tests", "Liaison.Matching.Tests", "TestData", "febrl", file);
    }

    /// <summary>rec-1070-org and rec-1070-dup-0 are the same person.</summary>
    public static string Person(string recId) => recId.EndsWith("-org", StringComparison.Ordinal)
        ? recId[..^"-org".Length]
        : recId[..recId.LastIndexOf("-dup-", StringComparison.Ordinal)];
}
