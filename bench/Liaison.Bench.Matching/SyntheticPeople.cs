using System.Globalization;
using System.Text;

namespace Liaison.Bench.Matching;

/// <summary>
/// Synthetic person CSVs for scale runs: values drawn from the FEBRL files' own columns, and a second
/// file of corrupted copies (typos, swapped names, missing values, changed birth dates) in shuffled order.
/// Seeded, so every run builds the same files.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] Columns = ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state", "date_of_birth"];

    public static (string A, string B) Write(string febrlFolder, int count, string folder)
    {
        var pools = Columns.ToDictionary(c => c, _ => new List<string>());
        foreach (var file in Directory.GetFiles(febrlFolder, "dataset*.csv"))
        {
            var lines = File.ReadAllLines(file);
            var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
            foreach (var line in lines.Skip(1))
            {
                var values = line.Split(',');
                for (var i = 0; i < header.Length && i < values.Length; i++)
                {
                    if (pools.TryGetValue(header[i], out var pool) && values[i].Trim().Length > 0)
                    {
                        pool.Add(values[i].Trim());
                    }
                }
            }
        }
        var random = new Random(2025);
        string Pick(string column) => pools[column][random.Next(pools[column].Count)];
        var people = new List<string[]>(count);
        for (var i = 0; i < count; i++)
        {
            var dob = new DateOnly(1920, 1, 1).AddDays(random.Next(31_000)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            people.Add([$"rec-{i}-org", Pick("given_name"), Pick("surname"), random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
                Pick("address_1"), random.Next(3) == 0 ? Pick("address_2") : "", Pick("suburb"), Pick("postcode"), Pick("state"), dob]);
        }
        var copies = people.Select(p => Corrupt(p, random)).OrderBy(_ => random.Next()).ToList();
        Directory.CreateDirectory(folder);
        var a = Path.Combine(folder, $"synthetic-{count}-a.csv");
        var b = Path.Combine(folder, $"synthetic-{count}-b.csv");
        File.WriteAllLines(a, [string.Join(", ", Columns), .. people.Select(p => string.Join(", ", p))]);
        File.WriteAllLines(b, [string.Join(", ", Columns), .. copies.Select(p => string.Join(", ", p))]);
        return (a, b);
    }

    private static string[] Corrupt(string[] original, Random random)
    {
        var copy = (string[])original.Clone();
        copy[0] = original[0].Replace("-org", "-dup-0", StringComparison.Ordinal);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits; e++)
        {
            var roll = random.Next(10);
            if (roll < 5)
            {
                var field = 1 + random.Next(Columns.Length - 1);
                copy[field] = Typo(copy[field], random);
            }
            else if (roll < 6)
            {
                (copy[1], copy[2]) = (copy[2], copy[1]);
            }
            else if (roll < 8)
            {
                copy[1 + random.Next(Columns.Length - 1)] = "";
            }
            else if (copy[9].Length == 8)
            {
                var digits = copy[9].ToCharArray();
                digits[4 + random.Next(4)] = (char)('0' + random.Next(10));
                copy[9] = new string(digits);
            }
        }
        return copy;
    }

    private static string Typo(string value, Random random)
    {
        if (value.Length < 2)
        {
            return value;
        }
        var sb = new StringBuilder(value);
        var at = random.Next(value.Length - 1);
        switch (random.Next(4))
        {
            case 0: sb[at] = (char)('a' + random.Next(26)); break;
            case 1: sb.Remove(at, 1); break;
            case 2: sb.Insert(at, (char)('a' + random.Next(26))); break;
            default: (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]); break;
        }
        return sb.ToString();
    }
}
