using System.Diagnostics;
using System.Globalization;
using Liaison.Analysis.Cdr;
using Liaison.Analysis.Graphs;

namespace Liaison.Bench.Analysis;

/// <summary>
/// Call-record timing: ROWS synthetic calls among NUMBERS numbers (seeded; 10 % of numbers make
/// 80 % of calls, as real traffic is skewed), then common contacts of 10 targets, top contacts and
/// a timeline. Prints "cdr &lt;measure&gt; &lt;seconds&gt; &lt;detail&gt;".
/// </summary>
internal static class CdrBench
{
    public static void Run(int rows, int numbers, ulong seed)
    {
        var inv = CultureInfo.InvariantCulture;
        var random = new SeededRandom(seed);
        var names = new string[numbers];
        for (var i = 0; i < numbers; i++)
        {
            names[i] = "+4479" + i.ToString("D8", inv);
        }
        var cells = Enumerable.Range(0, 5000).Select(c => "cell-" + c.ToString(inv)).ToArray();
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sw = Stopwatch.StartNew();
        var builder = new CallRecordsBuilder(capacity: rows);
        var busy = Math.Max(1, numbers / 10);
        for (var r = 0; r < rows; r++)
        {
            var a = random.Next(10) < 8 ? random.Next(busy) : random.Next(numbers);
            var b = random.Next(10) < 8 ? random.Next(busy) : random.Next(numbers);
            if (a == b)
            {
                b = (b + 1) % numbers;
            }
            builder.Add(names[a], names[b], t0.AddSeconds(random.Next(90 * 86400)), TimeSpan.FromSeconds(random.Next(600)),
                cells[a % cells.Length]);
        }
        var cdr = builder.Build();
        Console.WriteLine(string.Create(inv, $"cdr build {sw.Elapsed.TotalSeconds:F3} rows={cdr.Count} numbers={cdr.NumberCount}"));
        var targets = Enumerable.Range(0, 10).Select(i => names[random.Next(busy)]).Distinct().ToArray();
        var best = double.MaxValue;
        var found = 0;
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            found = Contacts.Common(cdr, targets, minTargets: 2).Contacts.Count;
            var seconds = sw.Elapsed.TotalSeconds;
            if (i == 0)
            {
                Console.WriteLine(string.Create(inv, $"cdr common_contacts_first {seconds:F3} targets={targets.Length} contacts_reaching_2+={found}"));
            }
            best = Math.Min(best, seconds);
        }
        Console.WriteLine(string.Create(inv, $"cdr common_contacts {best:F3} targets={targets.Length} contacts_reaching_2+={found}"));
        sw.Restart();
        var all = Contacts.Common(cdr, targets).Contacts.Count;
        Console.WriteLine(string.Create(inv, $"cdr common_contacts_all_10 {sw.Elapsed.TotalSeconds:F3} contacts_reaching_all={all}"));
        sw.Restart();
        var top = Contacts.Top(cdr, targets[0], 10);
        Console.WriteLine(string.Create(inv, $"cdr top_contacts_with_index_build {sw.Elapsed.TotalSeconds:F3} top={top.Contacts[0].Calls}"));
        sw.Restart();
        top = Contacts.Top(cdr, targets[1], 10);
        Console.WriteLine(string.Create(inv, $"cdr top_contacts {sw.Elapsed.TotalSeconds:F3} top={top.Contacts[0].Calls}"));
        sw.Restart();
        var timeline = Timeline.Of(cdr, targets[2]);
        Console.WriteLine(string.Create(inv, $"cdr timeline {sw.Elapsed.TotalSeconds:F3} entries={timeline.Entries.Count}"));
    }
}
