using Liaison.Analysis.Cdr;

namespace Liaison.Analysis.Tests.Cdr;

/// <summary>
/// A month of background calls among 300 numbers (fixed seed) with patterns planted on top, so
/// each analysis has something to find and plenty of noise to ignore.
/// </summary>
internal static class PlantedCalls
{
    public static readonly DateTimeOffset Day0 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static CallRecordsBuilder Background(int numbers = 300, int calls = 20_000, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new CallRecordsBuilder();
        for (var i = 0; i < calls; i++)
        {
            var a = random.Next(numbers);
            var b = (a + 1 + random.Next(numbers - 1)) % numbers;
            builder.Add($"+4479{a:D8}", $"+4479{b:D8}", Day0.AddSeconds(random.Next(30 * 24 * 3600)), TimeSpan.FromSeconds(random.Next(10, 600)),
                $"bg-{random.Next(200)}");
        }
        return builder;
    }

    public static string Bg(int i) => $"+4479{i:D8}";
}
